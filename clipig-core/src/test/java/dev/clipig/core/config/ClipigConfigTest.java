package dev.clipig.core.config;

import dev.clipig.core.constraints.LossFunction;
import dev.clipig.core.expr.TrainingTime;
import dev.clipig.core.expr.Variables;
import dev.clipig.core.transforms.Interpolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClipigConfigTest {

    private static final Path CONFIGS = Path.of("..", "examples", "configs");
    private static final Variables NONE = Variables.empty();

    private static Variables time(double t) {
        return Variables.builder().set("time", t).set("time_inverse", 1.0 - t).build();
    }

    @Test
    void method1() {
        ClipigConfig c = ClipigConfig.load(CONFIGS.resolve("method1.yaml"));
        assertEquals(200, c.epochs());
        assertEquals(OptimizerKind.RMSPROP, c.optimizer());
        assertEquals(1.0, c.learnrate().value(NONE));
        assertEquals(List.of(0.33, 0.33, 0.33), c.init().mean());
        assertEquals(List.of(0.03, 0.03, 0.03), c.init().std());
        assertEquals(Optional.of(List.of(10, 10)), c.init().resolution());
        assertArrayEquals(new int[] {224, 224}, c.resolution().intValues(NONE));

        TargetSpec target = c.targets().get(0);
        assertEquals(10, target.batchSize());
        assertEquals(Optional.of("a cat made of salami. a cat with the texture of a salami."),
                target.features().get(0).text());
        assertEquals(LossFunction.COSINE, target.features().get(0).loss());
        assertEquals(List.of("pad", "random_rotate", "mul", "mean", "noise"),
                target.transforms().stream().map(TransformSpec::name).toList());

        TransformSpec pad = target.transforms().get(0);
        assertArrayEquals(new int[] {32, 32}, pad.param("size").intValues(NONE));
        assertEquals("edge", pad.param("mode").text());
        assertArrayEquals(new double[] {0, 0, 0}, pad.param("color").values(NONE));
        assertTrue(pad.resizes());

        TransformSpec rotate = target.transforms().get(1);
        assertArrayEquals(new double[] {-30, 30}, rotate.param("degree").values(NONE));
        assertArrayEquals(new double[] {0, 1}, rotate.param("center").values(NONE));
        assertTrue(rotate.isRandom());

        Param mul = target.transforms().get(2).param("color");
        assertTrue(mul.isConstant());
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, mul.values(NONE));
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, target.transforms().get(3).param("mean").values(NONE));
        assertArrayEquals(new double[] {0.1, 0.1, 0.1}, target.transforms().get(4).param("std").values(NONE), 1e-15);

        PostprocSpec post = c.postproc().get(0);
        assertEquals("blur", post.transforms().get(0).name());
        assertArrayEquals(new int[] {3, 3}, post.transforms().get(0).param("kernel_size").intValues(NONE));
        assertTrue(post.transforms().get(0).find("sigma").isEmpty());
        assertEquals(FrameTime.fraction(0.1), post.window().end());
        assertEquals(FrameTime.fraction(0.0), post.window().start());
        assertTrue(post.window().contains(new TrainingTime(19, 200)));
        assertFalse(post.window().contains(new TrainingTime(21, 200)));
    }

    @Test
    void anEnsembleIsOneModelNameOrAListOfThemAndNoneByDefault() {
        assertEquals(List.of(), ClipigConfig.parse("epochs: 1", "e.yaml").ensemble());
        assertEquals(List.of("toy-shapes-b"), ClipigConfig.parse("ensemble: toy-shapes-b", "e.yaml").ensemble());
        assertEquals(List.of("ViT-B/16", "b.safetensors"),
                ClipigConfig.parse("ensemble: [ViT-B/16, b.safetensors]", "e.yaml").ensemble());
        ConfigException e = assertThrows(ConfigException.class,
                () -> ClipigConfig.parse("ensemble: {model: x}", "e.yaml"));
        assertTrue(e.getMessage().contains("ensemble: expected a text, got a mapping"), e.getMessage());
    }

    @Test
    void method2() {
        ClipigConfig c = ClipigConfig.load(CONFIGS.resolve("method2.yaml"));
        assertEquals(300, c.epochs());
        assertFalse(c.resolution().isConstant());
        assertEquals(Set.of("time"), c.resolution().variables());
        assertArrayEquals(new int[] {8, 8}, c.resolution().intValues(time(0.0)));
        assertArrayEquals(new int[] {16, 16}, c.resolution().intValues(time(2.0 / 16)));
        assertArrayEquals(new int[] {224, 224}, c.resolution().intValues(time(0.5)));
        assertArrayEquals(new int[] {8, 8},
                c.resolution().intValues(new TrainingTime(0, c.epochs())));
        assertEquals(List.of(0.3, 0.3, 0.3), c.init().mean());
        assertEquals(Optional.empty(), c.init().resolution());

        TargetSpec target = c.targets().get(0);
        assertEquals(List.of("resize", "pad", "random_rotate", "random_crop", "mul", "mean", "bwnoise"),
                target.transforms().stream().map(TransformSpec::name).toList());
        assertArrayEquals(new int[] {224, 224}, target.transforms().get(0).param("size").intValues(NONE));
        assertArrayEquals(new int[] {224, 224}, target.transforms().get(3).param("size").intValues(NONE));
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0},
                target.transforms().get(4).param("color").values(NONE));

        TransformSpec bwnoise = target.transforms().get(6);
        assertFalse(bwnoise.isConstant());
        assertEquals(0.2, bwnoise.param("std").value(time(0.0)), 1e-15);
        assertEquals(0.1, bwnoise.param("std").value(time(0.5)), 1e-15);

        ConstraintSpec blur = target.constraints().get(0);
        assertEquals("blur", blur.name());
        assertArrayEquals(new int[] {11, 11}, blur.param("kernel_size").intValues(NONE));
        assertEquals(new TimeWindow(FrameTime.fraction(0.5), FrameTime.fraction(1.0)), blur.window());
        assertEquals(LossFunction.L2, blur.loss());
        assertEquals(1.0, blur.weight().value(NONE));

        ConstraintSpec saturation = target.constraints().get(1);
        assertArrayEquals(new double[] {0.005, 0.005, 0.005}, saturation.param("below").values(NONE));
        assertTrue(saturation.find("above").isEmpty());
    }

    @Test
    void defaultsOfTheReference() {
        ClipigConfig c = ClipigConfig.parse("", "empty.yaml");
        assertEquals(300, c.epochs());
        assertEquals(OptimizerKind.ADAM, c.optimizer());
        assertEquals(SnapshotInterval.seconds(20.0), c.snapshotInterval());
        assertEquals(Interpolation.CUBIC, c.interpolation());
        assertEquals("./", c.output());
        assertEquals(2, c.verbose());
        assertArrayEquals(new int[] {224, 224}, c.resolution().intValues(NONE));
        assertEquals(InitSpec.DEFAULT, c.init());
        assertTrue(c.targets().isEmpty());

        TargetSpec t = ClipigConfig.parse("targets:\n  - features:\n      - image: cat.png\n", "t.yaml")
                .targets().get(0);
        assertEquals(SelectMode.ALL, t.select());
        assertEquals(FeatureScale.EQUAL, t.featureScale());
        assertEquals(1, t.batchSize());
        assertTrue(t.active());
        assertEquals(TimeWindow.ALWAYS, t.window());
        assertEquals(Optional.of("cat.png"), t.features().get(0).image());
    }

    @Test
    void valueNotations() {
        ClipigConfig c = ClipigConfig.parse(String.join("\n",
                "optimizer: rmsprop",
                "resolution: 640, 480",
                "snapshot_interval: 5",
                "epochs: 100*3",
                "learnrate: 2 - t",
                "targets:",
                "  - start: 10",
                "    end: 0.5",
                "    select: mix",
                "    weight: sim / 100",
                "    features:",
                "      - text: x",
                "        weight: 1 - sim/100",
                "        loss: mse",
                "    transforms:",
                "      - random_shift: 0 1 0 .5",
                "      - resize:",
                "          - 100 + 12",
                "          - 56",
                "      - pad: {size: '4, 2', mode: wrap}",
                "    constraints:",
                "      - std: {above: 0.1 0.2 0.3, loss: l1, weight: '1 - t'}",
                ""), "notations.yaml");
        assertEquals(OptimizerKind.RMSPROP, c.optimizer());
        assertArrayEquals(new int[] {640, 480}, c.resolution().intValues(NONE));
        assertEquals(SnapshotInterval.epochs(5), c.snapshotInterval());
        assertEquals(300, c.epochs());
        assertEquals(1.5, c.learnrate().value(time(0.5)));
        TargetSpec t = c.targets().get(0);
        assertEquals(new TimeWindow(FrameTime.epoch(10), FrameTime.fraction(0.5)), t.window());
        assertFalse(t.window().contains(new TrainingTime(9, 100)));
        assertTrue(t.window().contains(new TrainingTime(10, 100)));
        assertFalse(t.window().contains(new TrainingTime(60, 100)));
        assertEquals(SelectMode.MIX, t.select());
        assertEquals(LossFunction.L2, t.features().get(0).loss());
        assertEquals(0.25, t.features().get(0).weight().value(Variables.builder().set("similarity", 75).build()), 1e-12);
        assertArrayEquals(new double[] {0, 1, 0, 0.5}, t.transforms().get(0).param("offset").values(NONE));
        assertArrayEquals(new int[] {112, 56}, t.transforms().get(1).param("size").intValues(NONE));
        assertArrayEquals(new int[] {4, 2}, t.transforms().get(2).param("size").intValues(NONE));
        ConstraintSpec std = t.constraints().get(0);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, std.param("above").values(NONE));
        assertEquals(LossFunction.L1, std.loss());
        assertEquals(0.75, std.weight().value(time(0.25)));
    }

    @Test
    void overridesProgrammatically() {
        ClipigConfig c = ClipigConfig.load(CONFIGS.resolve("method1.yaml"));
        ClipigConfig changed = c.toBuilder().epochs(10).optimizer(OptimizerKind.ADAM).resolution(64, 48)
                .learnrate(0.5).build();
        assertEquals(10, changed.epochs());
        assertEquals(OptimizerKind.ADAM, changed.optimizer());
        assertArrayEquals(new int[] {64, 48}, changed.resolution().intValues(NONE));
        assertEquals(0.5, changed.learnrate().value(NONE));
        assertEquals(c.targets(), changed.targets());
        assertEquals(200, c.epochs());
        assertEquals(7, c.withEpochs(7).epochs());
        assertThrows(IllegalArgumentException.class, () -> c.withEpochs(0));
    }

    private static ConfigException error(String yaml) {
        return assertThrows(ConfigException.class, () -> ClipigConfig.parse(yaml, "bad.yaml"));
    }

    private static void assertMessage(String expected, String yaml) {
        ConfigException e = error(yaml);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void unknownKeysAreNamedWithLineAndSuggestion() {
        assertMessage("bad.yaml:1: epoch: unknown key 'epoch', did you mean 'epochs'?", "epoch: 10\n");
        assertMessage("bad.yaml:5: targets[0].transforms[1].random_rotat: unknown key 'random_rotat',"
                        + " did you mean 'random_rotate'?",
                "targets:\n  - transforms:\n      - mul: 2\n      - mean: 1\n        random_rotat:\n          degree: 1\n");
        assertMessage("bad.yaml:5: targets[0].transforms[0].random_rotate.degre: unknown key 'degre',"
                        + " did you mean 'degree'?",
                "epochs: 3\ntargets:\n  - transforms:\n      - random_rotate:\n          degre: -30 30\n");
        ConfigException far = error("targets:\n  - zzzzzz: 1\n");
        assertTrue(far.getMessage().startsWith("bad.yaml:2: targets[0].zzzzzz: unknown key 'zzzzzz' (known keys: "),
                far.getMessage());
    }

    @Test
    void wrongTypesAndValues() {
        assertMessage("bad.yaml:1: epochs: expected a number, got a list", "epochs: [1, 2]\n");
        assertMessage("bad.yaml:3: targets[0].batch_size: expected an int, got 2.5",
                "targets:\n  -\n    batch_size: 2.5\n");
        assertMessage("bad.yaml:2: targets[0].active: expected true or false, got 'maybe'",
                "targets:\n  - active: maybe\n");
        assertMessage("bad.yaml:1: optimizer: unknown value 'rmsprof', expected one of adam, sgd, sparse_adam,"
                + " adadelta, rmsprob, rmsprop, did you mean 'rmsprob'?", "optimizer: rmsprof\n");
        assertMessage("bad.yaml:3: targets[0].transforms[0].random_rotate.degree: expected a list of 1 or 2"
                        + " numbers, got 3 values",
                "targets:\n  - transforms:\n      - random_rotate: {degree: 1 2 3}\n");
        assertMessage("bad.yaml:3: targets[0].transforms[0].random_rotate: 'random_rotate' needs 'degree'"
                        + " (a list of 1 or 2 numbers)",
                "targets:\n  - transforms:\n      - random_rotate:\n          center: 0 1\n");
        assertMessage("bad.yaml:3: targets[0].constraints[0].saturation: 'saturation' needs at least one of"
                + " above, below", "targets:\n  - constraints:\n      - saturation: {weight: 2}\n");
        assertMessage("bad.yaml:3: targets[0].transforms[0].mul: 'mul' takes its value directly, e.g. 'mul: 0.5'",
                "targets:\n  - transforms:\n      - mul: {color: 1}\n");
        assertMessage("bad.yaml:3: targets[0].transforms[0].pad.mode: unknown value 'edges', expected one of"
                + " fill, edge, wrap, did you mean 'edge'?", "targets:\n  - transforms:\n      - pad: {size: 1, mode: edges}\n");
        assertMessage("bad.yaml:3: targets[0].transforms[0].random_perspective.distortion: must be from 0 to 1,"
                + " got 1.5", "targets:\n  - transforms:\n      - random_perspective: {distortion: 1.5}\n");
        assertMessage("bad.yaml:3: targets[0].constraints[0].total_variation.norm: unknown value 'isotropc',"
                + " expected one of anisotropic, isotropic, did you mean 'isotropic'?",
                "targets:\n  - constraints:\n      - total_variation: {weight: 1, norm: isotropc}\n");
        assertMessage("bad.yaml:3: targets[0].features[0]: a feature needs a text or an image",
                "targets:\n  - features:\n      - weight: 2\n");
        assertMessage("bad.yaml:2: postproc[0].resize: 'resize' changes the resolution and cannot post-process;"
                        + " use one of add, blur, border, bwnoise, clamp, color_jitter, contrast, edge, fnoise, mean, mul,"
                        + " noise, quantize, random_hflip, random_perspective, random_rotate, random_scale, random_shift, random_translate, rnoise,"
                        + " rotate, saturation, shift",
                "postproc:\n  - resize: 10\n");
        assertMessage("bad.yaml:2: epochs: duplicate key 'epochs' (first at line 1)", "epochs: 1\nepochs: 2\n");
    }

    @Test
    void aPostprocStagesTransformsRunInCLIPigsOrderNotTheFiles() {
        // CLIPig's setup walks its own table of transforms and takes each one a post-processing
        // entry names, so blur (defined first there) runs before mean, whatever the file says.
        ClipigConfig c = ClipigConfig.parse("postproc:\n  - mean: 0.3\n    add: 0.1\n    blur: {kernel_size: 3}\n",
                "order.yaml");
        assertEquals(List.of("blur", "add", "mean"), c.postproc().get(0).transforms().stream().map(TransformSpec::name).toList());
    }

    @Test
    void badTimes() {
        assertMessage("bad.yaml:3: postproc[0].end: time 150% is outside the run (0% to 100%)",
                "postproc:\n  - blur: {kernel_size: 3}\n    end: 150%\n");
        assertMessage("bad.yaml:2: targets[0].start: a float time is a fraction of the run between 0.0 and 1.0,"
                + " got 1.5 (write an int for an epoch, or NN%)", "targets:\n  - start: 1.5\n");
        assertMessage("bad.yaml:2: targets[0].end: an epoch must be zero or positive, got -3",
                "targets:\n  - end: -3\n");
        assertMessage("bad.yaml:2: targets[0].end: expected a time such as 50%, got 'half%'",
                "targets:\n  - end: half%\n");
    }

    @Test
    void badExpressions() {
        assertMessage("bad.yaml:3: targets[0].transforms[0].mul: unexpected end of expression at column 3"
                + " in expression '1/'", "targets:\n  - transforms:\n      - mul: 1/\n");
        assertMessage("bad.yaml:1: learnrate: 'sim*2' uses 'similarity', which is not available here (available:"
                        + " epoch, time, time2, time3, time4, time5, time_inverse, time_inverse2, time_inverse3,"
                        + " time_inverse4, time_inverse5, resolution, width, height)",
                "learnrate: sim*2\n");
        assertMessage("bad.yaml:2: init.mean: must be constant, but 't' uses 'time'", "init:\n  mean: t\n");
        assertMessage("bad.yaml:1: epochs: must be positive, got 0", "epochs: 10 - 10\n");
        assertMessage("bad.yaml:3: targets[0].transforms[0].bwnoise: unknown function '__import__' at column 1"
                        + " in expression '__import__('os')'",
                "targets:\n  - transforms:\n      - bwnoise: \"__import__('os')\"\n");
    }

    @Test
    void runtimeProblemsNameTheParameter() {
        ClipigConfig c = ClipigConfig.parse("targets:\n  - transforms:\n      - bwnoise: '1-4*t'\n",
                "run.yaml");
        Param std = c.targets().get(0).transforms().get(0).param("std");
        assertArrayEquals(new double[] {1.0}, std.values(time(0.0)));
        ConfigException e = assertThrows(ConfigException.class, () -> std.values(time(0.5)));
        assertEquals("run.yaml:3: targets[0].transforms[0].bwnoise: value -1.0 of '1-4*t'"
                + " must be zero or positive", e.getMessage());
    }

    @Test
    void anyKernelSizeIsAccepted() {
        // CLIPig checks no kernel size: its blur makes an even size odd by adding one and raises
        // anything below one to one when it runs, so constants like 4 and expressions that pass
        // through even values (its walkthrough's 31*ti) are valid configs.
        ClipigConfig c = ClipigConfig.parse("targets:\n  - constraints:\n      - blur: {kernel_size: 4}\n"
                + "    transforms:\n      - blur: {kernel_size: '31*ti'}\n", "blur.yaml");
        assertArrayEquals(new int[] {4, 4}, c.targets().get(0).constraints().get(0).param("kernel_size").intValues(time(0.0)));
        assertArrayEquals(new int[] {0, 0}, c.targets().get(0).transforms().get(0).param("kernel_size").intValues(time(1.0)));
    }

    @Test
    void featureLossNamesIgnoreCase() {
        // CLIPig lower-cases a feature's loss name before looking it up, so its README's 'loss: L2' is l2.
        ClipigConfig c = ClipigConfig.parse("targets:\n  - features:\n      - text: a\n        loss: L2\n"
                + "      - text: b\n        loss: Cosine\n", "loss.yaml");
        assertEquals(List.of(LossFunction.L2, LossFunction.COSINE),
                c.targets().get(0).features().stream().map(f -> f.loss()).toList());
    }

    @Test
    void yamlSyntaxErrorsAndFilesAreReported(@TempDir Path dir) throws IOException {
        ConfigException syntax = error("targets:\n  - a: [1, 2\n");
        assertTrue(syntax.getMessage().startsWith("bad.yaml:"), syntax.getMessage());
        assertTrue(syntax.getMessage().contains("invalid YAML"), syntax.getMessage());
        assertFalse(syntax.getMessage().contains("\n"));

        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "epochs: 10\ninit:\n  meen: 0.5\n");
        ConfigException typo = assertThrows(ConfigException.class, () -> ClipigConfig.load(file));
        assertEquals(file + ":3: init.meen: unknown key 'meen', did you mean 'mean'?", typo.getMessage());
        assertEquals(3, typo.location().line());
        assertEquals("init.meen", typo.location().path());

        ConfigException missing = assertThrows(ConfigException.class,
                () -> ClipigConfig.load(dir.resolve("absent.yaml")));
        assertTrue(missing.getMessage().contains("cannot read config file"), missing.getMessage());
    }

    @Test
    void everyTransformAndConstraintOfTheReferenceIsKnown() {
        // The reference's transforms, and random_hflip, cutouts, color_jitter, random_perspective and
        // total_variation, this project's additions.
        assertEquals(Set.of("add", "blur", "border", "bwnoise", "center_crop", "clamp", "contrast", "crop", "edge",
                "fnoise", "mean", "mul", "noise", "pad", "quantize", "random_crop", "random_rotate", "random_scale",
                "random_shift", "random_translate", "repeat", "resize", "rnoise", "rotate", "saturation", "shift",
                "random_hflip", "cutouts", "color_jitter", "random_perspective"), TransformOps.names());
        assertEquals(Set.of("blur", "border", "contrast", "edge_mean", "mean", "noise", "normalize", "saturation",
                "std", "total_variation"), ConstraintOps.names());
        ClipigConfig c = ClipigConfig.parse(String.join("\n",
                "targets:",
                "  - transforms:",
                "      - edge: {kernel_size: 5, sigma: 1.5, amount: 2}",
                "      - rnoise: {std: 0.1, resolution: 8}",
                "      - crop: 0 0 .5 .5",
                "    constraints:",
                "      - normalize: {}",
                "      - edge_mean: {below: 0.2, kernel_size: 5}",
                ""), "all.yaml");
        TransformSpec edge = c.targets().get(0).transforms().get(0);
        assertArrayEquals(new double[] {1.5, 1.5}, edge.param("sigma").values(NONE));
        assertArrayEquals(new double[] {2, 2, 2}, edge.param("amount").values(NONE));
        assertArrayEquals(new int[] {8, 8}, c.targets().get(0).transforms().get(1).param("resolution").intValues(NONE));
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5}, c.targets().get(0).transforms().get(2).param("xywh").values(NONE));
        ConstraintSpec normalize = c.targets().get(0).constraints().get(0);
        assertArrayEquals(new double[] {1, 1, 1}, normalize.param("max").values(NONE));
    }
}
