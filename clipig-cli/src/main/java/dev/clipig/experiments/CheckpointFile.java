package dev.clipig.experiments;

import java.nio.file.Path;

/** The renderer keeps a run's resumable state in {@code <png>.ckpt} beside the PNG it writes. */
final class CheckpointFile {
    private CheckpointFile() {
    }

    static Path beside(Path png) {
        return png.resolveSibling(png.getFileName() + ".ckpt");
    }
}
