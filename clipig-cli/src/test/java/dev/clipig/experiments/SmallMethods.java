package dev.clipig.experiments;

import dev.clipig.clip.ClipModel;
import dev.clipig.cli.ModelFixtures;
import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.config.TargetSpec;

/**
 * The shipped methods made small enough for tests on the fixture CLIP {@code a}: the same
 * transforms, constraints and schedules, at 32 pixels, one view per step and a few epochs.
 */
final class SmallMethods {
    private SmallMethods() {
    }

    static Method method(int number, int epochs) {
        Method shipped = Method.shipped(number);
        ClipigConfig config = shipped.config();
        ClipigConfig small = config.toBuilder()
                .epochs(epochs)
                .resolution(32, 32)
                .targets(config.targets().stream().map(t -> new TargetSpec(t.active(), t.name(), t.window(),
                        t.weight(), 1, t.select(), t.featureScale(), t.features(), t.transforms(),
                        t.constraints())).toList())
                .build();
        return new Method(shipped.name(), small);
    }

    static ClipModel model() {
        return ClipModel.load(ModelFixtures.model("a.pt"));
    }
}
