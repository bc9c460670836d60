package dev.clipig.clip;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Encodes the same 10 images with ONNX Runtime and with this project's image encoder, from the
 * same weights (fixtures/make_fixtures.py --full DIR --onnx), and prints median seconds of each
 * and their largest difference. The two alternate pass by pass, so that this machine's drift in
 * speed (±15 % from minute to minute on a shared VM) falls on both alike. A benchmark main, not a
 * test: run it on a quiet machine.
 *
 * <pre>java -cp ... dev.clipig.clip.OnnxRuntimeComparison ViT-B-32-random.pt vit-b-32-visual.onnx [warm-up passes, 3] [timed pairs, 15]</pre>
 */
public final class OnnxRuntimeComparison {
    private static final int BATCH = 10;

    public static void main(String[] args) throws Exception {
        ClipModel model = ClipModel.load(Path.of(args[0]));
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3, runs = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        int r = model.imageResolution();
        INDArray pixels = Nd4j.randn(DataType.FLOAT, BATCH, 3, r, r);
        float[] data = pixels.data().asFloat();

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
        try (OrtSession session = env.createSession(args[1], options)) {
            String input = session.getInputNames().iterator().next();
            float[][] ort = new float[1][];
            Runnable ortPass = () -> {
                try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), new long[] {BATCH, 3, r, r});
                     OrtSession.Result result = session.run(Map.of(input, t))) {
                    ort[0] = Arrays.stream((float[][]) result.get(0).getValue()).reduce(new float[0], OnnxRuntimeComparison::concat);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            INDArray[] ours = new INDArray[1];
            Runnable ourPass = () -> ours[0] = model.encodeImages(pixels);
            double[] ortSeconds = new double[runs], ourSeconds = new double[runs], ratios = new double[runs];
            for (int i = -warmup; i < runs; i++) {
                double o = seconds(ortPass), c = seconds(ourPass);
                if (i < 0) continue;
                ortSeconds[i] = o;
                ourSeconds[i] = c;
                ratios[i] = c / o;
            }
            INDArray theirs = Nd4j.create(ort[0], new long[] {BATCH, ours[0].size(1)}, 'c');
            System.out.printf("onnxruntime_encode_image: %.3f%n", median(ortSeconds));
            System.out.printf("clipig_encode_image: %.3f%n", median(ourSeconds));
            System.out.printf("ratio: %.2f (median of %d alternating pairs; %.2f-%.2f)%n", median(ratios), runs,
                    Arrays.stream(ratios).min().orElseThrow(), Arrays.stream(ratios).max().orElseThrow());
            System.out.printf("max_abs_difference: %.3g (max_abs %.3g)%n",
                    theirs.sub(ours[0]).amaxNumber().doubleValue(), theirs.amaxNumber().doubleValue());
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static double seconds(Runnable pass) {
        long start = System.nanoTime();
        pass.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
