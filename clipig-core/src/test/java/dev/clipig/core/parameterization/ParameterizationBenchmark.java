package dev.clipig.core.parameterization;

import dev.clipig.core.config.ParameterizationKind;
import dev.clipig.core.config.ParameterizationSpec;
import dev.clipig.core.transforms.Interpolation;
import dev.clipig.core.transforms.Size;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times what a parameterization adds to a step (pixels from the parameters, and the backward pass)
 * at the toy model's 64 px and ViT-B/32's 224 px, float precision. Prints medians; run it on a
 * quiet machine and compare with a step's time (`clipig bench`).
 */
public final class ParameterizationBenchmark {

    private ParameterizationBenchmark() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        for (ParameterizationKind kind : new ParameterizationKind[] {ParameterizationKind.FFT, ParameterizationKind.PYRAMID}) {
            for (int side : new int[] {64, 224}) {
                Size size = Size.square(side);
                Parameterization p = Parameterization.of(ParameterizationSpec.of(kind), Interpolation.CUBIC);
                INDArray params = Nd4j.rand(DataType.FLOAT, p.shape(size)).subi(0.5);
                INDArray gradient = Nd4j.rand(DataType.FLOAT, 3, side, side);
                double[] ms = new double[steps];
                for (int i = -3; i < steps; i++) {
                    long t0 = System.nanoTime();
                    INDArray pixels = p.pixels(params, size);
                    p.backward(pixels, gradient, size);
                    if (i >= 0) ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf("%-8s %3d px: forward + backward %.2f ms (median of %d)%n",
                        kind.spellings().get(0), side, ms[steps / 2], steps);
            }
        }
    }
}
