package dev.clipig.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.clip.ClipModel;
import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.config.ConfigException;
import dev.clipig.core.config.ParameterizationKind;
import dev.clipig.core.transforms.GradientCheck;
import dev.clipig.weights.safetensors.SafetensorsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Runs with the fft and pyramid parameterizations on the small fixture CLIP {@code a}. */
class ParameterizedRenderTest {
    private static ClipModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        model = FixtureModel.load();
    }

    private static ClipigConfig config(String parameterization, String extra, int epochs) {
        return ClipigConfig.parse("""
                epochs: %d
                resolution: %s
                snapshot_interval: 1
                parameterization: %s
                targets:
                  - batch_size: 2
                    features:
                      - text: a red circle
                    transforms:
                      - random_shift: -2 2
                %s
                """.formatted(epochs, extra.contains("resolution") ? "[8 if t < .3 else 32]" : "32",
                parameterization, extra.contains("postproc") ? "postproc:\n  - blur:\n      kernel_size: 3" : ""),
                "param.yaml");
    }

    private List<StepReport> run(ClipigConfig config, Path output, boolean resume) {
        List<StepReport> steps = new ArrayList<>();
        Renderer.builder().config(config).model(model).seed(4).output(output).resume(resume)
                .listener(steps::add).build().run();
        return steps;
    }

    @Test
    void theKeyIsReadAsANameOrAMappingWithItsOptions() {
        assertEquals(ParameterizationKind.PIXELS, config("pixels", "", 1).parameterization().kind());
        ClipigConfig pyramid = ClipigConfig.parse("parameterization: {type: pyramid, levels: 3, sigmoid: false}", "p.yaml");
        assertEquals(3, pyramid.parameterization().levels());
        assertEquals(false, pyramid.parameterization().sigmoid());
        ConfigException e = assertThrows(ConfigException.class,
                () -> ClipigConfig.parse("parameterization: {type: fft, levels: 3}", "bad.yaml"));
        assertTrue(e.getMessage().contains("'levels' is not an option of the fft parameterization"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> ClipigConfig.parse("parameterization: fourier", "bad.yaml"));
        assertTrue(e.getMessage().contains("unknown value 'fourier'"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aKilledFftRunResumesFromTheParametersInItsCheckpoint() throws Exception {
        INDArray straight = run(config("fft", "resolution", 6), dir.resolve("straight.png"), false).get(5).pixels();
        Path output = dir.resolve("killed.png");
        assertThrows(RuntimeException.class, () -> Renderer.builder().config(config("fft", "resolution", 6)).model(model)
                .seed(4).output(output).listener(step -> {
                    if (step.epoch() == 3) throw new RuntimeException("killed");
                }).build().run());
        SafetensorsFile file = SafetensorsFile.open(Checkpoint.beside(output).path());
        assertTrue(file.names().contains("parameters"), "the checkpoint holds the parameters: " + file.names());
        List<StepReport> rest = run(config("fft", "resolution", 6), output, true);
        assertEquals(4, rest.get(0).epoch());
        assertEquals(0, straight.sub(rest.get(rest.size() - 1).pixels()).amaxNumber().doubleValue(), 1e-6);

        RenderException e = assertThrows(RenderException.class, () -> run(config("pyramid", "", 6), output, true));
        assertTrue(e.getMessage().contains("made with the fft"), e.getMessage());
    }

    @Test
    void aPyramidFollowsTheScheduleAndPostprocessingAndMovesTheImage() throws Exception {
        List<StepReport> steps = run(config("pyramid", "resolution postproc", 6), dir.resolve("p.png"), false);
        assertEquals(8, steps.get(0).pixels().size(1));
        assertEquals(32, steps.get(5).pixels().size(1));
        assertEquals(32, ImageIO.read(dir.resolve("p.png").toFile()).getWidth());
        INDArray first = steps.get(0).pixels();
        assertTrue(first.minNumber().doubleValue() > 0 && first.maxNumber().doubleValue() < 1, "a sigmoid's range");
        assertTrue(steps.get(5).pixels().stdNumber().doubleValue() > first.stdNumber().doubleValue(),
                "training adds structure to the near-uniform start");
    }

    @Test
    void anInitImageIsProjectedIntoTheSpectrum() throws Exception {
        Path image = dir.resolve("init.png");
        INDArray start = GradientCheck.uniform(2, 0.1, 0.9, 3, 32, 32)
                .castTo(DataType.FLOAT);
        PixelImages.writePng(start, image);
        ClipigConfig config = ClipigConfig.parse("""
                epochs: 1
                resolution: 32
                learnrate: 0
                parameterization: fft
                init:
                  image: %s
                  mean: 0
                  std: 1
                targets:
                  - features:
                      - text: a red circle
                """.formatted(image), "init.yaml");
        // CLIPig scales an init image by init.std and adds init.mean: 0 and 1 keep it as it is.
        INDArray pixels = run(config, dir.resolve("i.png"), false).get(0).pixels();
        assertEquals(0, pixels.sub(start).amaxNumber().doubleValue(), 1.0 / 255 + 1e-3,
                "with learnrate 0 the render is the init image");
        assertTrue(Files.exists(dir.resolve("i.png")));
    }
}
