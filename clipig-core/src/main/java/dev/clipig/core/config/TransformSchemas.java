package dev.clipig.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.clipig.core.config.ParamSchema.floats;
import static dev.clipig.core.config.ParamSchema.ints;
import static dev.clipig.core.config.ParamSchema.text;
import static dev.clipig.core.config.ValueCheck.NON_NEGATIVE;
import static dev.clipig.core.config.ValueCheck.ODD_POSITIVE;
import static dev.clipig.core.config.ValueCheck.POSITIVE;

/**
 * Every transform of the reference with its parameters. Transforms shape the image before CLIP sees it;
 * those that keep the resolution also serve as post-processing.
 */
public final class TransformSchemas {

    private static final Map<String, OpSchema> ALL = new LinkedHashMap<>();

    static {
        ParamSchema kernelSize = ints("kernel_size", 2).withDefault(3, 3).checked(ODD_POSITIVE);
        ParamSchema sigma = floats("sigma", 2).asOptional().checked(POSITIVE);
        ParamSchema center = floats("center", 2).withDefault(0.5, 0.5);

        keeping("add", false, floats("color", 3));
        keeping("blur", false, kernelSize, sigma);
        keeping("border", false, ints("size", 2).withDefault(1, 1).checked(NON_NEGATIVE),
                floats("color", 3).withDefault(0, 0, 0));
        keeping("bwnoise", true, floats("std").checked(NON_NEGATIVE));
        resizing("center_crop", false, ints("size", 2).checked(POSITIVE));
        keeping("clamp", false, floats("range", 2));
        keeping("contrast", false, floats("factor").withDefault(1.0).checked(NON_NEGATIVE));
        resizing("crop", false, floats("xywh", 4));
        keeping("edge", false, kernelSize, sigma, floats("amount", 3).withDefault(1, 1, 1));
        keeping("fnoise", true, floats("std", 3).checked(NON_NEGATIVE));
        keeping("mean", false, floats("mean", 3));
        keeping("mul", false, floats("color", 3));
        keeping("noise", true, floats("std", 3).checked(NON_NEGATIVE));
        resizing("pad", false, ints("size", 2).checked(NON_NEGATIVE), floats("color", 3).withDefault(0, 0, 0),
                text("mode", "fill", "fill", "edge", "wrap"));
        keeping("quantize", false, floats("step", 3).checked(NON_NEGATIVE));
        resizing("random_crop", true, ints("size", 2).checked(POSITIVE));
        keeping("random_rotate", true, floats("degree", 2), center);
        keeping("random_scale", true, floats("scale", 2).checked(POSITIVE));
        keeping("random_shift", true, floats("offset", 2, 4));
        keeping("random_translate", true, floats("offset", 2).checked(NON_NEGATIVE));
        resizing("repeat", false, ints("count", 2).checked(POSITIVE));
        resizing("resize", false, ints("size", 2).checked(POSITIVE));
        keeping("rnoise", true, floats("std", 3).checked(NON_NEGATIVE), ints("resolution", 2).checked(POSITIVE));
        keeping("rotate", false, floats("degree"), center);
        keeping("saturation", false, floats("factor").withDefault(1.0).checked(NON_NEGATIVE));
        keeping("shift", false, floats("offset", 2));
    }

    private TransformSchemas() {
    }

    public static Optional<OpSchema> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    /** All transform names, in the reference's (alphabetical) order. */
    public static Set<String> names() {
        return ALL.keySet();
    }

    private static void keeping(String name, boolean random, ParamSchema... params) {
        ALL.put(name, new OpSchema(name, OpSchema.Kind.TRANSFORM, false, random, List.of(params), List.of()));
    }

    private static void resizing(String name, boolean random, ParamSchema... params) {
        ALL.put(name, new OpSchema(name, OpSchema.Kind.TRANSFORM, true, random, List.of(params), List.of()));
    }
}
