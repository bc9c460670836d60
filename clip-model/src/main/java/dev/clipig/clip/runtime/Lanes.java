package dev.clipig.clip.runtime;

import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Data parallelism over the batch on the CPU: the rows of a batch are split into one contiguous
 * chunk per core, and each chunk's pass runs sequentially on a thread of its own, its lane, with
 * single-threaded kernels (see {@link NativeThreads}).
 *
 * <p>Why: in one pass with multi-threaded kernels, the ~300 small elementwise ops between the
 * matrix products kept one core busy and the other waiting. Measured on 2 cores, ViT-B/32 at
 * batch 10, four interleaved rounds: forward + backward 2.49–2.79 s → 1.93–2.05 s, encoding
 * 1.23–1.41 s → 1.03–1.16 s (with OMP_NUM_THREADS=1, which the CLI sets; 2 gave 1.95–2.16 s).
 *
 * <p>Each lane is always the same thread, so that its memory workspaces are reused from pass to
 * pass. One parallel pass runs at a time: a lane blocks between the forward and backward halves of
 * a gradient, so two interleaved passes could each hold a lane the other waits for.
 *
 * <p>The lanes' workspaces hold a model's working memory, freed by {@link #close} (ViT-B/32 after
 * batch-10 gradients: closing returned 417 MB to the system). Lanes dropped unclosed end when
 * collected: the JDK shuts an unreachable single-thread executor down, and ND4J then frees the
 * dead thread's workspaces.
 */
public final class Lanes implements AutoCloseable {
    private final List<ExecutorService> threads;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;

    /** Lanes for this machine: one per core on the CPU, else one (see {@link NativeThreads}). */
    public static Lanes forThisMachine() {
        return new Lanes(NativeThreads.configure());
    }

    Lanes(int count) {
        List<ExecutorService> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "clip-lane-" + i;
            list.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(() -> {
                    if (count > 1) OpenMp.threadsHere(1);
                    r.run();
                }, name);
                t.setDaemon(true);
                return t;
            }));
        }
        this.threads = List.copyOf(list);
    }

    /** A pass over rows [from, to) of a batch, returning one output row per input row. */
    @FunctionalInterface
    public interface RowPass {
        INDArray apply(int from, int to);
    }

    /** {@code pass} over every row of a batch of {@code rows}, the outputs stacked in the caller's memory. */
    public INDArray map(int rows, RowPass pass) {
        List<long[]> chunks = chunks(rows);
        if (chunks.size() == 1) {
            checkOpen();
            return Workspaces.pass(() -> Workspaces.keep(pass.apply(0, rows)));
        }
        lock.lock();
        try {
            checkOpen();
            INDArray[] parts = new INDArray[chunks.size()];
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
                int lane = i, from = (int) chunks.get(i)[0], to = (int) chunks.get(i)[1];
                running.add(threads.get(i).submit(() -> {
                    parts[lane] = Workspaces.pass(() -> Workspaces.keep(pass.apply(from, to)));
                }));
            }
            awaitAll(running);
            return Nd4j.concat(0, parts);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A vector-Jacobian product over the rows of {@code input}: each lane runs {@code forward} on its
     * chunk, {@code outputGradient} then maps the stacked outputs to their gradient on the calling
     * thread, and each lane runs {@code backward} on its rows of it, with what its forward saved.
     */
    public <S> VectorJacobianProduct vjp(INDArray input, Function<INDArray, Forward<S>> forward,
                                         UnaryOperator<INDArray> outputGradient, BiFunction<INDArray, S, INDArray> backward) {
        Segment all = new Segment(Differentiable.of(forward, backward), 0, input.size(0));
        return vjp(input, List.of(all), outputs -> List.of(outputGradient.apply(outputs.get(0)))).get(0);
    }

    /** A function of the rows [from, to) of a batch. */
    public record Segment(Differentiable<?> function, long from, long to) {
    }

    /**
     * Vector-Jacobian products of several functions, each of its own segment of the rows of
     * {@code input}. The rows are split among the lanes as for one function, whatever the segments,
     * so that the lanes stay even: a lane runs the forwards of the parts of segments it holds, then
     * their backwards. {@code outputGradients} maps each segment's output, in order, to its gradient
     * on the calling thread. With one lane every pass runs on the calling thread.
     *
     * @param segments contiguous and in order, covering every row
     * @return per segment, its output and the gradient with respect to its rows
     */
    public List<VectorJacobianProduct> vjp(INDArray input, List<Segment> segments,
                                           UnaryOperator<List<INDArray>> outputGradients) {
        long rows = input.size(0);
        if (segments.isEmpty()) throw new IllegalArgumentException("no segment for " + rows + " rows");
        long next = 0;
        for (Segment s : segments) {
            if (s.from() != next || s.to() <= s.from()) {
                throw new IllegalArgumentException("segment [" + s.from() + ", " + s.to() + ") after row " + next);
            }
            next = s.to();
        }
        if (next != rows) throw new IllegalArgumentException("segments end at row " + next + " of " + rows);
        List<Piece> pieces = pieces(segments, rows);
        Passes passes = new Passes(input, segments, pieces, outputGradients);
        List<VectorJacobianProduct> parts = pieces.get(pieces.size() - 1).lane() == 0 ? passes.inline() : passes.onLanes();
        List<INDArray> outputs = passes.joined(parts.stream().map(VectorJacobianProduct::output).toList());
        List<INDArray> inputGradients = passes.joined(parts.stream().map(VectorJacobianProduct::inputGradient).toList());
        return IntStream.range(0, segments.size())
                .mapToObj(s -> new VectorJacobianProduct(outputs.get(s), inputGradients.get(s))).toList();
    }

    /** The rows [from, to) of a segment that one lane holds. */
    private record Piece(int segment, long from, long to, int lane) {
    }

    /** The segments cut at the lanes' chunks, in row order. */
    private List<Piece> pieces(List<Segment> segments, long rows) {
        List<long[]> chunks = chunks(rows);
        List<Piece> pieces = new ArrayList<>();
        for (int lane = 0; lane < chunks.size(); lane++) {
            for (int s = 0; s < segments.size(); s++) {
                long from = Math.max(chunks.get(lane)[0], segments.get(s).from());
                long to = Math.min(chunks.get(lane)[1], segments.get(s).to());
                if (from < to) pieces.add(new Piece(s, from, to, lane));
            }
        }
        return pieces;
    }

    /** One call's pieces and how their outputs become the gradients their backwards start from. */
    private final class Passes {
        private final INDArray input;
        private final List<Segment> segments;
        private final List<Piece> pieces;
        private final UnaryOperator<List<INDArray>> outputGradients;

        Passes(INDArray input, List<Segment> segments, List<Piece> pieces, UnaryOperator<List<INDArray>> outputGradients) {
            this.input = input;
            this.segments = segments;
            this.pieces = pieces;
            this.outputGradients = outputGradients;
        }

        Pass<?> forward(int i) {
            Piece p = pieces.get(i);
            return Pass.forward(segments.get(p.segment()).function(), rows(input, new long[] {p.from(), p.to()}));
        }

        /** Per segment, its pieces' arrays stacked in row order. */
        List<INDArray> joined(List<INDArray> perPiece) {
            List<List<INDArray>> bySegment = new ArrayList<>();
            for (int s = 0; s < segments.size(); s++) bySegment.add(new ArrayList<>());
            for (int i = 0; i < pieces.size(); i++) bySegment.get(pieces.get(i).segment()).add(perPiece.get(i));
            return bySegment.stream().map(Lanes::stack).toList();
        }

        /** Per piece, its rows of its segment's output gradient. */
        List<INDArray> pieceGradients(List<INDArray> pieceOutputs) {
            List<INDArray> gradients = outputGradients.apply(joined(pieceOutputs));
            return pieces.stream().map(p -> {
                Segment s = segments.get(p.segment());
                INDArray g = gradients.get(p.segment());
                return p.from() == s.from() && p.to() == s.to() ? g
                        : rows(g, new long[] {p.from() - s.from(), p.to() - s.from()});
            }).toList();
        }

        /** Every pass on the calling thread. */
        List<VectorJacobianProduct> inline() {
            checkOpen();
            return Workspaces.pass(() -> {
                List<Pass<?>> passes = new ArrayList<>();
                for (int i = 0; i < pieces.size(); i++) passes.add(forward(i));
                List<INDArray> gradients = pieceGradients(passes.stream().map(Pass::output).toList());
                List<VectorJacobianProduct> parts = new ArrayList<>();
                for (int i = 0; i < pieces.size(); i++) {
                    parts.add(new VectorJacobianProduct(Workspaces.keep(passes.get(i).output()),
                            Workspaces.keep(passes.get(i).backward(gradients.get(i)))));
                }
                return parts;
            });
        }

        /** Each lane its pieces' forwards, the gradients on the calling thread, then each lane its backwards. */
        List<VectorJacobianProduct> onLanes() {
            int n = pieces.size();
            lock.lock();
            try {
                checkOpen();
                List<CompletableFuture<INDArray>> outputs = new ArrayList<>();
                for (int i = 0; i < n; i++) outputs.add(new CompletableFuture<>());
                CompletableFuture<List<INDArray>> gradients = new CompletableFuture<>();
                INDArray[] inputGradients = new INDArray[n];
                List<Future<?>> running = new ArrayList<>();
                for (int lane = 0; lane <= pieces.get(n - 1).lane(); lane++) {
                    int here = lane;
                    List<Integer> mine = IntStream.range(0, n).filter(i -> pieces.get(i).lane() == here).boxed().toList();
                    running.add(threads.get(lane).submit(() -> Workspaces.pass(() -> {
                        List<Pass<?>> passes = new ArrayList<>();
                        for (int k = 0; k < mine.size(); k++) {
                            try {
                                Pass<?> pass = forward(mine.get(k));
                                passes.add(pass);
                                outputs.get(mine.get(k)).complete(Workspaces.outside(pass.output()::dup));
                            } catch (RuntimeException | Error e) {
                                for (int j = k; j < mine.size(); j++) outputs.get(mine.get(j)).completeExceptionally(e);
                                throw e;
                            }
                        }
                        for (int k = 0; k < mine.size(); k++) {
                            INDArray dx = passes.get(k).backward(gradients.join().get(mine.get(k)));
                            inputGradients[mine.get(k)] = Workspaces.outside(dx::dup);
                        }
                        return null;
                    })));
                }
                List<INDArray> outputList;
                try {
                    outputList = outputs.stream().map(CompletableFuture::join).toList();
                    gradients.complete(pieceGradients(outputList));
                } catch (RuntimeException | Error e) {
                    gradients.completeExceptionally(e);
                    awaitQuietly(running);
                    throw unwrap(e);
                }
                awaitAll(running);
                List<VectorJacobianProduct> parts = new ArrayList<>();
                for (int i = 0; i < n; i++) parts.add(new VectorJacobianProduct(outputList.get(i), inputGradients[i]));
                return parts;
            } finally {
                lock.unlock();
            }
        }
    }

    /** One block's forward pass, with what its backward needs. */
    private record Pass<S>(Differentiable<S> function, Forward<S> forward) {
        static <S> Pass<S> forward(Differentiable<S> function, INDArray input) {
            return new Pass<>(function, function.forward(input));
        }

        INDArray output() {
            return forward.output();
        }

        INDArray backward(INDArray outputGradient) {
            return function.backward(outputGradient, forward.saved());
        }
    }

    private static INDArray stack(List<INDArray> parts) {
        return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new));
    }

    /**
     * Frees each lane's workspaces on its own thread, after any running pass, and stops the lanes;
     * later passes throw. Idempotent.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            List<Future<?>> freeing = new ArrayList<>();
            for (ExecutorService lane : threads) {
                freeing.add(lane.submit(() -> Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread()));
                lane.shutdown();
            }
            awaitAll(freeing);
        } finally {
            lock.unlock();
        }
    }

    /** Called under the lock where lanes run the pass, so that a concurrent close cannot slip in. */
    private void checkOpen() {
        if (closed) throw new IllegalStateException("this model is closed");
    }

    /** [start, end) row ranges, as even as possible, one per lane but never empty. */
    private List<long[]> chunks(long rows) {
        int n = (int) Math.max(1, Math.min(threads.size(), rows));
        List<long[]> chunks = new ArrayList<>();
        for (int i = 0; i < n; i++) chunks.add(new long[] {rows * i / n, rows * (i + 1) / n});
        return chunks;
    }

    private static INDArray rows(INDArray array, long[] range) {
        INDArrayIndex[] index = new INDArrayIndex[array.rank()];
        index[0] = interval(range[0], range[1]);
        for (int d = 1; d < index.length; d++) index[d] = NDArrayIndex.all();
        return array.get(index);
    }

    private static void awaitAll(List<Future<?>> running) {
        RuntimeException failure = null;
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) failure = unwrap(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) failure = new IllegalStateException("interrupted while waiting for a lane", e);
            }
        }
        if (failure != null) throw failure;
    }

    private static void awaitQuietly(List<Future<?>> running) {
        try {
            awaitAll(running);
        } catch (RuntimeException ignored) {
            // the caller reports the first failure
        }
    }

    private static RuntimeException unwrap(Throwable t) {
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) t = t.getCause();
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
}
