package dev.clipig.core.transforms;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times one step of transforms, forward and backward, at the sizes: batch 10 of 224-pixel
 * images, float precision. Prints medians; run it on a quiet machine.
 */
public final class TransformBenchmark {

    private TransformBenchmark() {
    }

    public static void main(String[] args) {
        Size size = Size.square(224);
        List<Transform> withCrop = List.of(
                new Pad(32, 32, Boundary.Mode.EDGE),
                new RandomRotate(ScalarParam.of(-30), ScalarParam.of(30), ScalarParam.of(0), ScalarParam.of(1)),
                new RandomCrop(size),
                new Mul(VectorParam.of(0.5)),
                new Mean(VectorParam.of(0.5)),
                new Noise(VectorParam.of(0.1)));
        List<Transform> method1 = List.of(withCrop.get(0), withCrop.get(1), withCrop.get(3), withCrop.get(4),
                withCrop.get(5));
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        report("pad+rotate+crop+mul+mean+noise", withCrop, size, steps);
        report("method 1 (no crop: 288 px, then resized to 224)", method1, size, steps);
    }

    public static void report(String name, List<Transform> transforms, Size size, int steps) {
        TransformPipeline pipeline = TransformPipeline.compile(transforms, size, size, 10);
        INDArray pixels = Nd4j.rand(DataType.FLOAT, 1, 3, size.height(), size.width());
        INDArray grad = Nd4j.rand(DataType.FLOAT, 10, 3, size.height(), size.width());
        SplittableRandom random = new SplittableRandom(1);
        Step step = Step.start(steps, size);
        double[] forward = new double[steps], backward = new double[steps];
        for (int i = 0; i < steps; i++) {
            long t0 = System.nanoTime();
            Pass pass = pipeline.forward(pixels, new StepContext(step, random));
            long t1 = System.nanoTime();
            pass.backward(grad);
            long t2 = System.nanoTime();
            forward[i] = (t1 - t0) / 1e6;
            backward[i] = (t2 - t1) / 1e6;
        }
        System.out.printf("%s: forward %.1f ms, backward %.1f ms (medians of %d steps after the first 2)%n",
                name, median(forward), median(backward), steps - 2);
    }

    private static double median(double[] millis) {
        double[] timed = Arrays.copyOfRange(millis, 2, millis.length);
        Arrays.sort(timed);
        return timed[timed.length / 2];
    }
}
