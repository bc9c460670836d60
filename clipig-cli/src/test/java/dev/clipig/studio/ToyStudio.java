package dev.clipig.studio;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.models.ModelCatalog;
import java.io.IOException;
import java.nio.file.Path;

/** A studio on a free loopback port over a test's workspace, rendering with the bundled toy model. */
final class ToyStudio {
    /** The shipped toy config, made long enough that a test always stops it mid-render. */
    static final String CONFIG = """
            epochs: 2000
            resolution:
              - '{0: 8, 1: 16, 2: 32}.get(int(t*40), 64)'
            optimizer: rmsprob
            learnrate: 5
            init:
              mean: 0.5
              std: 0.05
            targets:
              - batch_size: 4
                features:
                  - text: a red circle on white
                transforms:
                  - random_rotate:
                      degree: -10 10
                      center: 0.4 0.6
                  - noise: 0.03
            postproc:
              - clamp: 0 1
            """;

    private ToyStudio() {
    }

    static Studio start(Path workspace) throws IOException {
        return Studio.builder().workspace(workspace).port(0)
                .model("toy-shapes", () -> ClipModel.load(ModelCatalog.standard().resolve("toy-shapes"))).start();
    }
}
