package dev.clipig.core.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.core.config.InitSpec;
import dev.clipig.core.config.OptimizerKind;
import dev.clipig.core.config.ParameterizationSpec;
import dev.clipig.core.parameterization.Parameterization;
import dev.clipig.core.transforms.Interpolation;
import dev.clipig.core.transforms.Size;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

class ImageStateTest {
    @TempDir
    Path dir;

    private static ImageState initial(InitSpec init, Size size) {
        return ImageState.initial(init, size, OptimizerKind.RMSPROP, Parameterization.of(ParameterizationSpec.PIXELS, Interpolation.CUBIC),
                new SplittableRandom(5));
    }

    private static InitSpec init(double mean, double std, Optional<String> image, Optional<List<Integer>> resolution) {
        return new InitSpec(resolution, List.of(mean, mean, mean), List.of(std, std, std), image, Optional.empty());
    }

    @Test
    void initialNoiseIsClampedToTheUnitRange() {
        // CLIPig's pixel model clamps the initial noise (mean + std * randn) to [0, 1].
        INDArray pixels = initial(init(0.9, 0.5, Optional.empty(), Optional.empty()), Size.square(32)).pixels();
        assertEquals(1.0, pixels.maxNumber().doubleValue(), 0);
        assertTrue(pixels.minNumber().doubleValue() >= 0);
        assertTrue(pixels.eq(1.0).castTo(pixels.dataType()).sumNumber().doubleValue() > 32 * 32 * 3 / 4.0,
                "most of N(0.9, 0.5) lies above 1");
    }

    @Test
    void anInitImageCoversTheSizeIsCentreCroppedAndTakesMeanAndStd() throws IOException {
        // CLIPig's resize_crop scales the image so that its shorter side becomes the longer side of
        // the size (bicubic), takes the centre, then multiplies by init.std and adds init.mean.
        BufferedImage ramp = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 20; y++) ramp.setRGB(x, y, (int) Math.round(x * 255 / 39.0) << 16 | 0x80 << 8);
        }
        Path file = dir.resolve("ramp.png");
        ImageIO.write(ramp, "png", file.toFile());
        INDArray pixels = initial(init(0.1, 0.5, Optional.of(file.toString()), Optional.empty()), Size.square(16)).pixels();
        assertArrayEquals(new long[] {3, 16, 16}, pixels.shape());
        // 40 x 20 -> 32 x 16, columns 8..23 kept: output column c samples the ramp at (8 + c + 0.5) * 40 / 32 - 0.5
        for (int c : new int[] {0, 7, 15}) {
            double source = (8 + c + 0.5) * 40 / 32.0 - 0.5;
            assertEquals(0.1 + 0.5 * source / 39, pixels.getDouble(0, 8, c), 0.01, "red, column " + c);
        }
        assertEquals(0.1 + 0.5 * 0x80 / 255.0, pixels.getDouble(1, 3, 3), 1e-3, "green");
    }

    @Test
    void initResolutionMakesTheNoiseSmallerAndBicubicScalesItUp() {
        INDArray pixels = initial(init(0.5, 0.1, Optional.empty(), Optional.of(List.of(4, 4))), Size.square(16)).pixels();
        assertArrayEquals(new long[] {3, 16, 16}, pixels.shape());
        // CLIPig draws the noise at init.resolution and resizes it bicubically: neighbours differ
        // far less than independent noise of std 0.1 would (mean |difference| 0.11)
        INDArray left = pixels.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 15));
        INDArray right = pixels.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(1, 16));
        double step = Transforms.abs(left.sub(right), false).meanNumber().doubleValue();
        assertTrue(step < 0.06, "mean neighbour step " + step);
    }

    @Test
    void aResolutionChangeStartsANewOptimizer() {
        // CLIPig's _resize_pixel_model resizes the pixels and calls create_optimizer again.
        ImageState state = initial(init(0.5, 0.1, Optional.empty(), Optional.empty()), Size.square(8));
        state.optimizer().step(state.pixels(), state.pixels().ulike().assign(1), 0.01);
        var before = state.optimizer();
        state.resizeTo(Size.square(16));
        assertNotSame(before, state.optimizer());
        assertArrayEquals(new long[] {3, 16, 16}, state.pixels().shape());
    }
}
