package dev.clipig.core.render;

import dev.clipig.core.expr.MapVariables;
import dev.clipig.core.expr.TrainingTime;
import dev.clipig.core.transforms.StepContext;
import dev.clipig.core.transforms.StepState;
import java.util.SplittableRandom;

/**
 * Where a run stands in one step: its time, the expression variables of that time (time,
 * resolution, learnrate), the same as the transforms see them, and the step's seeded random source.
 */
record Step(TrainingTime time, MapVariables variables, StepState state, SplittableRandom random) {

    /** What the transforms of a step read. */
    StepContext transformContext() {
        return new StepContext(state, random);
    }
}
