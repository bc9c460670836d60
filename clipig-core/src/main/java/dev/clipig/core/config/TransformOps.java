package dev.clipig.core.config;

import static dev.clipig.core.config.ParamSchema.choice;
import static dev.clipig.core.config.ParamSchema.floats;
import static dev.clipig.core.config.ParamSchema.ints;
import static dev.clipig.core.config.ValueCheck.MARGIN;
import static dev.clipig.core.config.ValueCheck.NON_NEGATIVE;
import static dev.clipig.core.config.ValueCheck.POSITIVE;
import static dev.clipig.core.config.ValueCheck.SIDE;

import dev.clipig.core.transforms.*;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every transform a config may name, one line each: name, class, factory and parameters. Transforms
 * shape the image before CLIP sees it; those that keep the resolution also serve as post-processing.
 * Adding a transform is its class plus one line here (the transforms package is imported whole for that).
 */
public final class TransformOps {

    private static final Map<String, TransformOp> ALL = new LinkedHashMap<>();

    static {
        ParamSchema kernelSize = ints("kernel_size", 2).withDefault(3, 3).checked(ValueCheck.KERNEL);
        ParamSchema sigma = floats("sigma", 2).asOptional().checked(POSITIVE);
        ParamSchema center = floats("center", 2).withDefault(0.5, 0.5);

        keeping("add", Add.class, a -> new Add(a.vector("color")), floats("color", 3));
        keeping("blur", Blur.class, a -> new Blur(a.vector("kernel_size"), a.optionalVector("sigma").orElse(null)),
                kernelSize, sigma);
        keeping("border", Border.class, a -> new Border(a.pair("size")[0], a.pair("size")[1], a.vector("color")),
                ints("size", 2).withDefault(1, 1).checked(MARGIN), floats("color", 3).withDefault(0, 0, 0));
        keeping("bwnoise", BwNoise.class, a -> new BwNoise(a.scalar("std")), floats("std").checked(NON_NEGATIVE));
        resizing("center_crop", CenterCrop.class, a -> new CenterCrop(a.size("size")), ints("size", 2).checked(SIDE));
        keeping("clamp", Clamp.class, a -> new Clamp(a.scalar("range", 0), a.scalar("range", 1)), floats("range", 2));
        keeping("color_jitter", ColorJitter.class, a -> new ColorJitter(a.scalar("brightness"), a.scalar("contrast"),
                a.scalar("saturation")), floats("brightness").withDefault(0.0).checked(NON_NEGATIVE),
                floats("contrast").withDefault(0.0).checked(NON_NEGATIVE),
                floats("saturation").withDefault(0.0).checked(NON_NEGATIVE));
        keeping("contrast", Contrast.class, a -> new Contrast(a.scalar("factor")),
                floats("factor").withDefault(1.0).checked(NON_NEGATIVE));
        resizing("crop", Crop.class, a -> {
            double[] xywh = a.values("xywh");
            return new Crop(xywh[0], xywh[1], xywh[2], xywh[3]);
        }, floats("xywh", 4));
        resizing("cutouts", Cutouts.class, a -> new Cutouts(a.pair("count")[0], a.scalar("size", 0), a.scalar("size", 1),
                        a.scalar("angle", 0), a.scalar("angle", 1)),
                ints("count", 1).withDefault(8).checked(ValueCheck.BATCH), floats("size", 2).withDefault(0.5, 1.0).checked(ValueCheck.SHARE),
                floats("angle", 2).withDefault(0, 0));
        keeping("edge", Edge.class, a -> new Edge(a.vector("kernel_size"), a.optionalVector("sigma").orElse(null),
                a.vector("amount")), kernelSize, sigma, floats("amount", 3).withDefault(1, 1, 1));
        keeping("fnoise", FourierNoise.class, a -> new FourierNoise(a.vector("std")),
                floats("std", 3).checked(NON_NEGATIVE));
        keeping("mean", Mean.class, a -> new Mean(a.vector("mean")), floats("mean", 3));
        keeping("mul", Mul.class, a -> new Mul(a.vector("color")), floats("color", 3));
        keeping("noise", Noise.class, a -> new Noise(a.vector("std")), floats("std", 3).checked(NON_NEGATIVE));
        resizing("pad", Pad.class, a -> new Pad(a.pair("size")[0], a.pair("size")[1],
                        a.choice("mode", Boundary.Mode.values()), a.vector("color")),
                ints("size", 2).checked(MARGIN), floats("color", 3).withDefault(0, 0, 0),
                choice("mode", Boundary.Mode.FILL));
        keeping("quantize", Quantize.class, a -> new Quantize(a.vector("step")), floats("step", 3).checked(NON_NEGATIVE));
        resizing("random_crop", RandomCrop.class, a -> new RandomCrop(a.size("size")), ints("size", 2).checked(SIDE));
        keeping("random_hflip", RandomHFlip.class, a -> new RandomHFlip(a.scalar("p")), floats("p").withDefault(0.5).checked(NON_NEGATIVE));
        keeping("random_perspective", RandomPerspective.class, a -> new RandomPerspective(a.scalar("distortion"),
                a.scalar("p")), floats("distortion").withDefault(0.5).checked(ValueCheck.FRACTION),
                floats("p").withDefault(0.5).checked(NON_NEGATIVE));
        keeping("random_rotate", RandomRotate.class, a -> new RandomRotate(a.scalar("degree", 0),
                a.scalar("degree", 1), a.scalar("center", 0), a.scalar("center", 1)), floats("degree", 2), center);
        keeping("random_scale", RandomScale.class, a -> new RandomScale(a.scalar("scale", 0), a.scalar("scale", 1)),
                floats("scale", 2).checked(POSITIVE));
        keeping("random_shift", RandomShift.class, a -> a.count("offset") == 4
                ? new RandomShift(a.scalar("offset", 0), a.scalar("offset", 1), a.scalar("offset", 2),
                        a.scalar("offset", 3))
                : new RandomShift(a.scalar("offset", 0), a.scalar("offset", 1)), floats("offset", 2, 4));
        keeping("random_translate", RandomTranslate.class, a -> new RandomTranslate(a.scalar("offset", 0),
                a.scalar("offset", 1)), floats("offset", 2).checked(NON_NEGATIVE));
        resizing("repeat", Repeat.class, a -> new Repeat(a.pair("count")[0], a.pair("count")[1]),
                ints("count", 2).checked(SIDE));
        resizing("resize", Resize.class, a -> new Resize(a.size("size")), ints("size", 2).checked(SIDE));
        keeping("rnoise", ScaledNoise.class, a -> new ScaledNoise(a.vector("std"), a.size("resolution")),
                floats("std", 3).checked(NON_NEGATIVE), ints("resolution", 2).checked(SIDE));
        keeping("rotate", Rotate.class, a -> new Rotate(a.scalar("degree"), a.vector("center")), floats("degree"),
                center);
        keeping("saturation", Saturation.class, a -> new Saturation(a.scalar("factor")),
                floats("factor").withDefault(1.0).checked(NON_NEGATIVE));
        keeping("shift", Shift.class, a -> new Shift(a.scalar("offset", 0), a.scalar("offset", 1)),
                floats("offset", 2));
    }

    private TransformOps() {
    }

    public static Optional<TransformOp> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    /** All transform names, in the reference's (alphabetical) order. */
    public static Set<String> names() {
        return ALL.keySet();
    }

    private static void keeping(String name, Class<? extends Transform> type, Function<OpArgs, Transform> factory,
                                ParamSchema... params) {
        define(name, false, type, factory, params);
    }

    private static void resizing(String name, Class<? extends Transform> type, Function<OpArgs, Transform> factory,
                                 ParamSchema... params) {
        define(name, true, type, factory, params);
    }

    private static void define(String name, boolean resizes, Class<? extends Transform> type,
                               Function<OpArgs, Transform> factory, ParamSchema... params) {
        OpSchema schema = new OpSchema(name, OpSchema.Kind.TRANSFORM, resizes, List.of(params), List.of());
        ALL.put(name, new TransformOp(schema, type, factory));
    }
}
