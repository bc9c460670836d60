package dev.clipig.core.render;

import dev.clipig.core.config.Param;
import dev.clipig.core.config.TransformSpec;
import dev.clipig.core.expr.TrainingTime;
import dev.clipig.core.expr.Variables;
import dev.clipig.core.transforms.Add;
import dev.clipig.core.transforms.Blur;
import dev.clipig.core.transforms.Border;
import dev.clipig.core.transforms.BwNoise;
import dev.clipig.core.transforms.CenterCrop;
import dev.clipig.core.transforms.Clamp;
import dev.clipig.core.transforms.Contrast;
import dev.clipig.core.transforms.Crop;
import dev.clipig.core.transforms.Edge;
import dev.clipig.core.transforms.FourierNoise;
import dev.clipig.core.transforms.Mean;
import dev.clipig.core.transforms.Mul;
import dev.clipig.core.transforms.Noise;
import dev.clipig.core.transforms.Pad;
import dev.clipig.core.transforms.Quantize;
import dev.clipig.core.transforms.RandomCrop;
import dev.clipig.core.transforms.RandomRotate;
import dev.clipig.core.transforms.RandomScale;
import dev.clipig.core.transforms.RandomShift;
import dev.clipig.core.transforms.RandomTranslate;
import dev.clipig.core.transforms.Repeat;
import dev.clipig.core.transforms.Resize;
import dev.clipig.core.transforms.Rotate;
import dev.clipig.core.transforms.Saturation;
import dev.clipig.core.transforms.ScalarParam;
import dev.clipig.core.transforms.ScaledNoise;
import dev.clipig.core.transforms.Shift;
import dev.clipig.core.transforms.Size;
import dev.clipig.core.transforms.StepState;
import dev.clipig.core.transforms.Transform;
import dev.clipig.core.transforms.VectorParam;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The transforms a config names, with their parameters bound to its expressions. Numbers that
 * fix an image size (crop and pad sizes, resize targets) are read when the pipeline for a
 * resolution is built; everything else is evaluated at every step.
 */
final class ConfiguredTransforms {
    private ConfiguredTransforms() {
    }

    /** @param atBuild the variables of the step that builds the pipeline, for the size parameters */
    static Transform of(TransformSpec spec, Variables atBuild) {
        return switch (spec.name()) {
            case "add" -> new Add(vector(spec.param("color")));
            case "blur" -> new Blur(vector(spec.param("kernel_size")), spec.find("sigma").map(ConfiguredTransforms::vector).orElse(null));
            case "border" -> {
                int[] size = pair(spec.param("size"), atBuild);
                yield new Border(size[0], size[1], vector(spec.param("color")));
            }
            case "bwnoise" -> new BwNoise(scalar(spec.param("std"), 0));
            case "center_crop" -> new CenterCrop(size(spec.param("size"), atBuild));
            case "clamp" -> new Clamp(scalar(spec.param("range"), 0), scalar(spec.param("range"), 1));
            case "contrast" -> new Contrast(scalar(spec.param("factor"), 0));
            case "crop" -> {
                double[] xywh = spec.param("xywh").values(atBuild);
                yield new Crop(xywh[0], xywh[1], xywh[2], xywh[3]);
            }
            case "edge" -> new Edge(vector(spec.param("kernel_size")),
                    spec.find("sigma").map(ConfiguredTransforms::vector).orElse(null), vector(spec.param("amount")));
            case "fnoise" -> new FourierNoise(vector(spec.param("std")));
            case "mean" -> new Mean(vector(spec.param("mean")));
            case "mul" -> new Mul(vector(spec.param("color")));
            case "noise" -> new Noise(vector(spec.param("std")));
            case "pad" -> {
                int[] size = pair(spec.param("size"), atBuild);
                Pad.Mode mode = Pad.Mode.valueOf(spec.param("mode").text().toUpperCase(Locale.ROOT));
                yield new Pad(size[0], size[1], mode, vector(spec.param("color")));
            }
            case "quantize" -> new Quantize(vector(spec.param("step")));
            case "random_crop" -> new RandomCrop(size(spec.param("size"), atBuild));
            case "random_rotate" -> new RandomRotate(scalar(spec.param("degree"), 0), scalar(spec.param("degree"), 1),
                    scalar(spec.param("center"), 0), scalar(spec.param("center"), 1));
            case "random_scale" -> new RandomScale(scalar(spec.param("scale"), 0), scalar(spec.param("scale"), 1));
            case "random_shift" -> {
                Param offset = spec.param("offset");
                yield offset.size() == 4
                        ? new RandomShift(scalar(offset, 0), scalar(offset, 1), scalar(offset, 2), scalar(offset, 3))
                        : new RandomShift(scalar(offset, 0), scalar(offset, 1));
            }
            case "random_translate" -> new RandomTranslate(scalar(spec.param("offset"), 0), scalar(spec.param("offset"), 1));
            case "repeat" -> {
                int[] count = pair(spec.param("count"), atBuild);
                yield new Repeat(count[0], count[1]);
            }
            case "resize" -> new Resize(size(spec.param("size"), atBuild));
            case "rnoise" -> new ScaledNoise(vector(spec.param("std")), size(spec.param("resolution"), atBuild));
            case "rotate" -> new Rotate(scalar(spec.param("degree"), 0), vector(spec.param("center")));
            case "saturation" -> new Saturation(scalar(spec.param("factor"), 0));
            case "shift" -> new Shift(scalar(spec.param("offset"), 0), scalar(spec.param("offset"), 1));
            default -> throw new IllegalArgumentException("no implementation of transform '" + spec.name() + "'");
        };
    }

    /** The expression variables of a transform step. */
    static Variables variables(StepState s) {
        return Variables.builder()
                .time(new TrainingTime(s.epoch(), s.epochs()))
                .resolution(s.resolution().width(), s.resolution().height())
                .learnrate(s.learnrate(), s.learnrateScale())
                .similarity(s.similarity())
                .build();
    }

    /** Element {@code i} of a parameter (the last one if it has fewer), evaluated per step. */
    static ScalarParam scalar(Param p, int i) {
        int element = Math.min(i, p.size() - 1);
        if (p.isConstant()) return ScalarParam.of(p.element(element, Variables.empty()));
        return state -> p.element(element, variables(state));
    }

    static VectorParam vector(Param p) {
        return new VectorParam(IntStream.range(0, p.size()).mapToObj(i -> scalar(p, i)).toList());
    }

    /** [x, y] of a one- or two-number parameter. */
    static int[] pair(Param p, Variables at) {
        int[] v = p.intValues(at);
        return v.length == 1 ? new int[] {v[0], v[0]} : v;
    }

    private static Size size(Param p, Variables at) {
        int[] v = pair(p, at);
        return new Size(v[0], v[1]);
    }
}
