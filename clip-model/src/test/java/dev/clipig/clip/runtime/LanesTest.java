package dev.clipig.clip.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.RandomWeights;
import dev.clipig.clip.vision.VisionTransformer;
import dev.clipig.weights.ClipHyperParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** A batch split across lanes gives what one pass over the whole batch gives, and closed lanes stop. */
class LanesTest {

    private static final ClipHyperParams P = new ClipHyperParams(6, 8, 2, 16, 2, 4, 4, 10, 16, 1, 1);
    private final VisionTransformer vit = VisionTransformer.load(new RandomWeights(P, DataType.DOUBLE, 11), 2, 2);
    private final INDArray pixels = Nd4j.randn(DataType.DOUBLE, 5, 3, 8, 8);
    private final INDArray target = Nd4j.randn(DataType.DOUBLE, 1, 6);
    /** A loss gradient that needs the whole batch: features minus their batch mean, times the target. */
    private final UnaryOperator<INDArray> coupled = f -> f.subRowVector(f.mean(0)).mulRowVector(target);

    private INDArray encode(int from, int to) {
        return vit.forward(pixels.get(NDArrayIndex.interval(from, to)));
    }

    private VectorJacobianProduct vjp(Lanes lanes, UnaryOperator<INDArray> lossGradient) {
        return lanes.vjp(pixels, vit::forwardSaving, lossGradient, vit::backward);
    }

    @Test
    void unevenChunksOnThreeLanesMatchOneLane() {
        Lanes one = new Lanes(1), three = new Lanes(3);
        assertClose(one.map(5, this::encode), three.map(5, this::encode));
        VectorJacobianProduct expected = vjp(one, coupled), actual = vjp(three, coupled);
        assertClose(expected.output(), actual.output());
        assertClose(expected.inputGradient(), actual.inputGradient());
    }

    /** The image encoder, counting the rows each thread passes forward. */
    private Differentiable<?> counted(Map<String, Integer> rowsByThread) {
        return Differentiable.of(x -> {
            rowsByThread.merge(Thread.currentThread().getName(), (int) x.size(0), Integer::sum);
            return vit.forwardSaving(x);
        }, vit::backward);
    }

    @Test
    void segmentsOfSeveralFunctionsAreSplitEvenlyAmongTheLanes() {
        // Three functions on 16 rows: dealt whole to two lanes, one lane would pass 11 rows and the other 5.
        INDArray batch = Nd4j.randn(DataType.DOUBLE, 16, 3, 8, 8);
        VisionTransformer other = VisionTransformer.load(new RandomWeights(P, DataType.DOUBLE, 12), 2, 2);
        Map<String, Integer> rowsByThread = new ConcurrentHashMap<>();
        List<Lanes.Segment> segments = List.of(new Lanes.Segment(counted(rowsByThread), 0, 5),
                new Lanes.Segment(Differentiable.of(other::forwardSaving, other::backward), 5, 10),
                new Lanes.Segment(counted(rowsByThread), 10, 16));
        List<Integer> segmentRows = new ArrayList<>();
        UnaryOperator<List<INDArray>> gradients = outputs -> {
            outputs.forEach(o -> segmentRows.add((int) o.size(0)));
            return outputs.stream().map(coupled).toList();
        };
        List<VectorJacobianProduct> split = new Lanes(2).vjp(batch, segments, gradients);
        assertEquals(List.of(5, 5, 6), segmentRows);
        assertEquals(Map.of("clip-lane-0", 5, "clip-lane-1", 6), rowsByThread);
        List<VectorJacobianProduct> whole = new Lanes(1).vjp(batch, segments, gradients);
        for (int s = 0; s < 3; s++) {
            assertClose(whole.get(s).output(), split.get(s).output());
            assertClose(whole.get(s).inputGradient(), split.get(s).inputGradient());
        }
        INDArray rows = batch.get(NDArrayIndex.interval(5, 10));
        VectorJacobianProduct alone = new Lanes(1).vjp(rows, other::forwardSaving, coupled, other::backward);
        assertClose(alone.inputGradient(), split.get(1).inputGradient());
    }

    @Test
    void segmentsMustCoverTheRowsInOrder() {
        Differentiable<?> f = Differentiable.of(vit::forwardSaving, vit::backward);
        Lanes lanes = new Lanes(2);
        IllegalArgumentException gap = assertThrows(IllegalArgumentException.class, () -> lanes.vjp(pixels,
                List.of(new Lanes.Segment(f, 0, 2), new Lanes.Segment(f, 3, 5)), outputs -> outputs));
        assertEquals("segment [3, 5) after row 2", gap.getMessage());
        IllegalArgumentException shortOf = assertThrows(IllegalArgumentException.class,
                () -> lanes.vjp(pixels, List.of(new Lanes.Segment(f, 0, 4)), outputs -> outputs));
        assertEquals("segments end at row 4 of 5", shortOf.getMessage());
    }

    @Test
    void moreLanesThanRowsStillWork() {
        assertArrayEquals(new long[] {2, 6}, new Lanes(4).map(2, this::encode).shape());
    }

    @Test
    void aFailingLossGradientIsRethrownAndTheLanesStayUsable() {
        Lanes lanes = new Lanes(2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> vjp(lanes, f -> { throw new IllegalStateException("no loss"); }));
        assertEquals("no loss", e.getMessage());
        assertClose(vjp(new Lanes(1), coupled).inputGradient(), vjp(lanes, coupled).inputGradient());
    }

    @Test
    void aBadTokenRowIsNamedByItsIndexInTheWholeBatchNotInItsLane() {
        ClipModel model = ClipModel.of(P, new RandomWeights(P, DataType.FLOAT, 3));
        int[][] tokens = new int[4][P.contextLength()];
        tokens[3] = new int[2];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.encodeTokens(tokens));
        assertEquals("token row 3 has 2 ids; this model's context is " + P.contextLength(), e.getMessage());
        assertArrayEquals(new long[] {3, 6}, model.encodeTokens(java.util.Arrays.copyOf(tokens, 3)).shape());
    }

    @Test
    void badPixelsAreNamedByTheirWholeShapeBeforeTheBatchIsSplit() {
        ClipModel model = ClipModel.of(P, new RandomWeights(P, DataType.FLOAT, 3));
        INDArray flat = Nd4j.zeros(DataType.FLOAT, 4, 3 * 8 * 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.encodeImages(flat));
        assertEquals("pixels must be [B, 3, 8, 8], got [4, 192]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.imageGradient(flat, f -> f));
    }

    @Test
    void closingFreesTheLanesThreadsAndLaterPassesThrow() throws InterruptedException {
        Lanes lanes = new Lanes(2);
        Set<Thread> used = ConcurrentHashMap.newKeySet();
        lanes.map(4, (from, to) -> {
            used.add(Thread.currentThread());
            return encode(from, to);
        });
        assertEquals(2, used.size());
        lanes.close();
        lanes.close();
        for (Thread t : used) {
            t.join(10_000);
            assertFalse(t.isAlive(), t.getName() + " still runs");
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> lanes.map(4, this::encode));
        assertEquals("this model is closed", e.getMessage());
        assertThrows(IllegalStateException.class, () -> lanes.map(1, this::encode));
        assertThrows(IllegalStateException.class, () -> vjp(lanes, coupled));
    }

    @Test
    void closeWaitsForTheRunningPassAndRefusesTheNext() throws Exception {
        Lanes lanes = new Lanes(2);
        CountDownLatch inLossGradient = new CountDownLatch(1), release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<VectorJacobianProduct> running = callers.submit(() -> vjp(lanes, f -> {
                inLossGradient.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return coupled.apply(f);
            }));
            inLossGradient.await();
            Future<?> closing = callers.submit(lanes::close);
            Thread.sleep(200);
            assertFalse(closing.isDone(), "close did not wait for the pass between its halves");
            release.countDown();
            assertClose(vjp(new Lanes(1), coupled).inputGradient(), running.get().inputGradient());
            closing.get();
            assertThrows(IllegalStateException.class, () -> vjp(lanes, coupled));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aClosedModelRefusesEveryPass() {
        ClipModel model = ClipModel.of(P, new RandomWeights(P, DataType.FLOAT, 3));
        try (model) {
            assertArrayEquals(new long[] {2, 6}, model.encodeImages(Nd4j.zeros(DataType.FLOAT, 2, 3, 8, 8)).shape());
        }
        INDArray pixels = Nd4j.zeros(DataType.FLOAT, 2, 3, 8, 8);
        assertThrows(IllegalStateException.class, () -> model.encodeImages(pixels));
        assertThrows(IllegalStateException.class, () -> model.imageGradient(pixels, f -> f));
        assertThrows(IllegalStateException.class, () -> model.encodeTokens(new int[1][P.contextLength()]));
    }

    private static void assertClose(INDArray expected, INDArray actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        double scale = expected.amaxNumber().doubleValue();
        assertEquals(0, expected.sub(actual).amaxNumber().doubleValue(), 1e-12 * scale);
    }
}
