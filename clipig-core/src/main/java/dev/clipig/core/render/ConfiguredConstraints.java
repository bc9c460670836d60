package dev.clipig.core.render;

import static dev.clipig.core.render.ConfiguredTransforms.vector;

import dev.clipig.core.config.ConstraintSpec;
import dev.clipig.core.config.Param;
import dev.clipig.core.constraints.BlurConstraint;
import dev.clipig.core.constraints.BorderConstraint;
import dev.clipig.core.constraints.Constraint;
import dev.clipig.core.constraints.LossFunction;
import dev.clipig.core.constraints.NoiseConstraint;
import dev.clipig.core.constraints.NormalizeConstraint;
import dev.clipig.core.constraints.ThresholdConstraint;
import dev.clipig.core.expr.Variables;
import dev.clipig.core.transforms.VectorParam;
import java.util.Optional;

/** The constraints a config names, with their parameters bound to its expressions. */
final class ConfiguredConstraints {
    private ConfiguredConstraints() {
    }

    static Constraint of(ConstraintSpec spec, Variables atBuild) {
        // Constraints compare pixels with numbers, so only the distances apply; cosine means l2.
        LossFunction loss = spec.loss() == dev.clipig.core.config.LossFunction.L1 ? LossFunction.L1 : LossFunction.L2;
        VectorParam above = optional(spec.find("above")), below = optional(spec.find("below"));
        return switch (spec.name()) {
            case "blur" -> new BlurConstraint(vector(spec.param("kernel_size")), optional(spec.find("sigma")), loss);
            case "border" -> {
                int[] size = ConfiguredTransforms.pair(spec.param("size"), atBuild);
                yield new BorderConstraint(size[0], size[1], vector(spec.param("color")), loss);
            }
            case "contrast" -> ThresholdConstraint.contrast(above, below, loss);
            case "edge_mean" -> ThresholdConstraint.edgeMean(vector(spec.param("kernel_size")),
                    optional(spec.find("sigma")), above, below, loss);
            case "mean" -> ThresholdConstraint.mean(above, below, loss);
            case "noise" -> new NoiseConstraint(vector(spec.param("std")), loss);
            case "normalize" -> new NormalizeConstraint(vector(spec.param("min")), vector(spec.param("max")), loss);
            case "saturation" -> ThresholdConstraint.saturation(above, below, loss);
            case "std" -> ThresholdConstraint.std(above, below, loss);
            default -> throw new IllegalArgumentException("no implementation of constraint '" + spec.name() + "'");
        };
    }

    private static VectorParam optional(Optional<Param> p) {
        return p.map(ConfiguredTransforms::vector).orElse(null);
    }
}
