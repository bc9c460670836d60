package dev.clipig.clip.nn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SCRATCHPAD;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import dev.clipig.clip.runtime.OneDnn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl.algorithm;
import org.bytedeco.dnnl.global.dnnl.prop_kind;
import org.bytedeco.dnnl.global.dnnl.scratchpad_mode;
import org.bytedeco.dnnl.layer_normalization_forward;
import org.bytedeco.dnnl.matmul;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.primitive_desc_base;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.softmax_forward;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link Transformer}'s blocks for inference on the CPU, each run as eight oneDNN primitives in
 * place of some thirty ND4J ops: the normalization; the q, k, v projection; q kᵀ, its softmax and
 * the product with v, which read q, k and v as strided views of the projection's output (no
 * permute copies); the output projection with the residual sum fused in; the normalization; c_fc
 * with the activation fused in; and c_proj with the residual sum fused in. The blocks are the
 * folded ones ({@link ConstantFolding}): norms without γ and β, 1/√d in the query rows, and the
 * activation s(u) = u·(1 + tanh u), which is oneDNN's swish u·σ(αu) at α = 2, times 2. The weights
 * are the blocks' own arrays, read where ND4J keeps them.
 *
 * <p>Thread-safety: primitives and weights are shared; each thread gets its own working memory
 * and stream per batch size, kept for the thread's next pass (each lane is always the same thread).
 */
public final class OneDnnTransformer {
    private final engine engine;
    private final int heads;
    private final long width;
    private final List<BlockMemory> blocks;
    private final ThreadLocal<Map<List<Integer>, Plan>> plans = ThreadLocal.withInitial(HashMap::new);

    /** A linear layer's weight [out, in] and bias [out], as oneDNN memory over ND4J's arrays. */
    private record LinearMemory(memory weight, memory bias) {
        static LinearMemory of(Linear linear, engine engine) {
            long out = linear.weight().size(0), in = linear.weight().size(1);
            return new LinearMemory(OneDnn.wrap(OneDnn.transposedWeights(in, out), engine, linear.weight()),
                    OneDnn.wrap(OneDnn.dense(1, out), engine, linear.bias()));
        }
    }

    /** A block's four linear layers. */
    private record BlockMemory(LinearMemory inProj, LinearMemory outProj, LinearMemory fc, LinearMemory proj) {
    }

    private OneDnnTransformer(engine engine, int heads, long width, List<BlockMemory> blocks) {
        this.engine = engine;
        this.heads = heads;
        this.width = width;
        this.blocks = blocks;
    }

    /**
     * The oneDNN path for these blocks, or empty where it does not run (see {@link OneDnn}) or the
     * blocks are not the kind it runs: causal, or not float32.
     */
    public static Optional<OneDnnTransformer> of(Transformer transformer) {
        List<ResidualBlock> blocks = transformer.blocks();
        if (blocks.isEmpty() || blocks.stream().anyMatch(b -> b.attn().causal() || b.ln1().gamma() != null
                || b.ln2().gamma() != null || b.attn().inProj().weight().dataType() != DataType.FLOAT)) {
            return Optional.empty();
        }
        return OneDnn.cpuEngine().map(engine -> new OneDnnTransformer(engine, blocks.get(0).attn().heads(),
                blocks.get(0).attn().outProj().weight().size(0),
                blocks.stream().map(b -> new BlockMemory(LinearMemory.of(b.attn().inProj(), engine),
                        LinearMemory.of(b.attn().outProj(), engine), LinearMemory.of(b.mlp().fc(), engine),
                        LinearMemory.of(b.mlp().proj(), engine))).toList()));
    }

    /**
     * Runs every block over {@code x} [batch · tokens, width], dense float32, as
     * {@link Transformer#forward} does: x is the residual stream, which the blocks update in place,
     * and the last block computes only the first {@code queries} tokens of each sequence.
     *
     * @return [batch · queries, width]: x itself when queries = tokens
     */
    public INDArray forward(INDArray x, int batch, int queries) {
        if (x.rank() != 2 || x.size(1) != width || x.size(0) % batch != 0 || queries < 1 || queries > x.size(0) / batch) {
            throw new IllegalArgumentException("expected [batch · tokens, " + width + "] with at most tokens queries, got "
                    + x.shapeInfoToString() + " for a batch of " + batch + " and " + queries + " queries");
        }
        int tokens = (int) (x.size(0) / batch);
        Plan plan = plans.get().computeIfAbsent(List.of(batch, tokens, queries), key -> new Plan(batch, tokens, queries));
        INDArray out = queries == tokens ? x : Nd4j.createUninitialized(DataType.FLOAT, (long) batch * queries, width);
        plan.run(OneDnn.pointer(x), OneDnn.pointer(out));
        return out;
    }

    /**
     * One thread's primitives, working memory and argument lists for one batch size: a layout for
     * the blocks over every token, and where the last block narrows, one for it. Each plan has its
     * own scratchpad: oneDNN 2.5's library-managed one is shared by every thread, so two lanes
     * running primitives at once would overwrite each other's.
     */
    private final class Plan {
        final stream stream = new stream(engine);
        final memory x;
        /** Owns the buffer that every step's scratchpad points into: kept here, or the collector frees it. */
        final memory scratch;
        final Layout every, last;

        Plan(int batch, int tokens, int queries) {
            x = new memory(OneDnn.dense((long) batch * tokens, width), engine, new Pointer());
            memory normalized = new memory(x.get_desc(), engine);
            memory qkv = new memory(OneDnn.dense((long) batch * tokens, 3 * width), engine);
            every = new Layout(batch, tokens, tokens, normalized, qkv);
            last = queries == tokens ? every : new Layout(batch, tokens, queries, normalized, qkv);
            List<Step> steps = new ArrayList<>(every.steps);
            if (last != every) steps.addAll(last.steps);
            scratch = new memory(OneDnn.bytes(steps.stream().mapToLong(Step::scratchBytes).max().orElse(0)), engine);
            steps.forEach(step -> step.useScratchpad(scratch));
            if (last == every) {
                every.bind(blocks);
            } else {
                every.bind(blocks.subList(0, blocks.size() - 1));
                last.bind(blocks.subList(blocks.size() - 1, blocks.size()));
            }
        }

        void run(Pointer residualStream, Pointer out) {
            x.set_data_handle(residualStream);
            if (last != every) {
                last.residual.set_data_handle(out);
                last.leadingFrom.set_data_handle(residualStream);
                last.leadingTo.set_data_handle(out);
            }
            every.run();
            if (last != every) last.run();
            stream._wait();
        }

        /**
         * The primitives of blocks that compute the first {@code queries} tokens of each sequence
         * from all of them, and the memory they read and write: every token's normalized rows and
         * q, k, v are shared by the two layouts; the residual rows are x itself when every token
         * is computed, else the output, which first receives x's leading rows.
         */
        private final class Layout {
            final List<Step> steps = new ArrayList<>();
            final memory residual, normalized, qkv, attended, normalizedRows, activation;
            final Step norm, inProj, scores, softmax, mix, outProj, rowsNorm, fc, proj;
            final Step leadingRows;
            final memory leadingFrom, leadingTo;
            IntMemoryMap[][] linearArgs;

            Layout(int batch, int tokens, int queries, memory normalized, memory qkv) {
                long rows = (long) batch * queries, d = width / heads, hidden = 4 * width;
                memory.desc rowsDesc = OneDnn.dense(rows, width);
                this.normalized = normalized;
                this.qkv = qkv;
                boolean narrow = queries < tokens;
                residual = narrow ? new memory(rowsDesc, engine, new Pointer()) : x;
                normalizedRows = narrow ? new memory(rowsDesc, engine) : normalized;
                attended = new memory(rowsDesc, engine);
                activation = new memory(OneDnn.dense(rows, hidden), engine);

                // q, k and v of head h at token t of sequence b sit at qkv[b·T + t, {0, 1, 2}·width + h·d].
                long[] qkvStrides = {tokens * 3 * width, d, 3 * width, 1};
                memory q = new memory(OneDnn.strided(new long[] {batch, heads, queries, d}, qkvStrides), engine,
                        qkv.get_data_handle());
                memory kTransposed = new memory(OneDnn.strided(new long[] {batch, heads, d, tokens},
                        tokens * 3 * width, d, 1, 3 * width), engine, OneDnn.advance(qkv.get_data_handle(), width));
                memory v = new memory(OneDnn.strided(new long[] {batch, heads, tokens, d}, qkvStrides), engine,
                        OneDnn.advance(qkv.get_data_handle(), 2 * width));
                memory p = new memory(OneDnn.dense(batch, heads, queries, tokens), engine);
                memory o = new memory(OneDnn.strided(new long[] {batch, heads, queries, d}, queries * width, d, width, 1),
                        engine, attended.get_data_handle());

                primitive_attr plain = attributes(new post_ops());
                norm = add(new Step(layerNorm(normalized.get_desc(), plain), layer_normalization_forward::new));
                inProj = add(linear(normalized.get_desc(), width, 3 * width, Fused.NOTHING));
                // x's first rows of each sequence, copied to the residual rows, both seen as [B, Q, width].
                leadingFrom = narrow ? new memory(OneDnn.strided(new long[] {batch, queries, width}, tokens * width,
                        width, 1), engine, new Pointer()) : null;
                leadingTo = narrow ? new memory(OneDnn.dense(batch, queries, width), engine, new Pointer()) : null;
                leadingRows = narrow ? add(new Step(new reorder.primitive_desc(engine, leadingFrom.get_desc(), engine,
                        leadingTo.get_desc(), plain, false), reorder::new)) : null;
                scores = add(new Step(new matmul.primitive_desc(new matmul.desc(q.get_desc(), kTransposed.get_desc(),
                        p.get_desc()), plain, engine), matmul::new));
                softmax = add(new Step(new softmax_forward.primitive_desc(new softmax_forward.desc(
                        prop_kind.forward_inference.value, p.get_desc(), 3), plain, engine), softmax_forward::new));
                mix = add(new Step(new matmul.primitive_desc(new matmul.desc(p.get_desc(), v.get_desc(), o.get_desc()),
                        plain, engine), matmul::new));
                outProj = add(linear(rowsDesc, width, width, Fused.RESIDUAL));
                rowsNorm = narrow ? add(new Step(layerNorm(rowsDesc, plain), layer_normalization_forward::new)) : norm;
                fc = add(linear(rowsDesc, width, hidden, Fused.ACTIVATION));
                proj = add(linear(OneDnn.dense(rows, hidden), hidden, width, Fused.RESIDUAL));

                norm.bind(DNNL_ARG_SRC, x, DNNL_ARG_DST, normalized);
                if (narrow) {
                    leadingRows.bind(DNNL_ARG_FROM, leadingFrom, DNNL_ARG_TO, leadingTo);
                    rowsNorm.bind(DNNL_ARG_SRC, residual, DNNL_ARG_DST, normalizedRows);
                }
                scores.bind(DNNL_ARG_SRC, q, DNNL_ARG_WEIGHTS, kTransposed, DNNL_ARG_DST, p);
                softmax.bind(DNNL_ARG_SRC, p, DNNL_ARG_DST, p);
                mix.bind(DNNL_ARG_SRC, p, DNNL_ARG_WEIGHTS, v, DNNL_ARG_DST, o);
            }

            void bind(List<BlockMemory> layers) {
                linearArgs = layers.stream().map(w -> new IntMemoryMap[] {
                        inProj.linearArgs(normalized, w.inProj(), qkv), outProj.linearArgs(attended, w.outProj(), residual),
                        fc.linearArgs(normalizedRows, w.fc(), activation), proj.linearArgs(activation, w.proj(), residual)})
                        .toArray(IntMemoryMap[][]::new);
            }

            void run() {
                for (IntMemoryMap[] block : linearArgs) {
                    norm.run(stream);
                    inProj.run(stream, block[0]);
                    if (leadingRows != null) leadingRows.run(stream);
                    scores.run(stream);
                    softmax.run(stream);
                    mix.run(stream);
                    outProj.run(stream, block[1]);
                    rowsNorm.run(stream);
                    fc.run(stream, block[2]);
                    proj.run(stream, block[3]);
                }
            }

            private Step add(Step step) {
                steps.add(step);
                return step;
            }

            private Step linear(memory.desc src, long in, long out, Fused fused) {
                post_ops ops = new post_ops();
                if (fused == Fused.RESIDUAL) ops.append_sum();
                if (fused == Fused.ACTIVATION) ops.append_eltwise(2f, algorithm.eltwise_swish, 2f, 0f);
                return new Step(new matmul.primitive_desc(new matmul.desc(src, OneDnn.transposedWeights(in, out),
                        OneDnn.dense(1, out), OneDnn.dense(src.dims().get(0), out)), attributes(ops), engine), matmul::new);
            }
        }
    }

    private layer_normalization_forward.primitive_desc layerNorm(memory.desc rows, primitive_attr attr) {
        return new layer_normalization_forward.primitive_desc(new layer_normalization_forward.desc(
                prop_kind.forward_inference.value, rows, (float) LayerNorm.EPS, 0), attr, engine);
    }

    /** One primitive with its scratchpad and, where its arguments never change, their list. */
    private static final class Step {
        final primitive_desc_base descriptor;
        final primitive primitive;
        memory scratchpad;
        final IntMemoryMap args = new IntMemoryMap();

        <D extends primitive_desc_base> Step(D descriptor, Function<D, primitive> make) {
            this.descriptor = descriptor;
            this.primitive = make.apply(descriptor);
        }

        long scratchBytes() {
            return descriptor.scratchpad_desc().get_size();
        }

        void useScratchpad(memory shared) {
            scratchpad = new memory(descriptor.scratchpad_desc(), descriptor.get_engine(), shared.get_data_handle());
            args.put(DNNL_ARG_SCRATCHPAD, scratchpad);
        }

        void bind(Object... keysAndValues) {
            for (int i = 0; i < keysAndValues.length; i += 2) args.put((Integer) keysAndValues[i], (memory) keysAndValues[i + 1]);
        }

        IntMemoryMap linearArgs(memory src, LinearMemory layer, memory dst) {
            IntMemoryMap map = new IntMemoryMap();
            map.put(DNNL_ARG_SRC, src);
            map.put(DNNL_ARG_WEIGHTS, layer.weight());
            map.put(DNNL_ARG_BIAS, layer.bias());
            map.put(DNNL_ARG_DST, dst);
            map.put(DNNL_ARG_SCRATCHPAD, scratchpad);
            return map;
        }

        void run(stream stream) {
            primitive.execute(stream, args);
        }

        void run(stream stream, IntMemoryMap layerArgs) {
            primitive.execute(stream, layerArgs);
        }
    }

    private static primitive_attr attributes(post_ops ops) {
        primitive_attr attr = new primitive_attr();
        attr.set_scratchpad_mode(scratchpad_mode.user);
        attr.set_post_ops(ops);
        return attr;
    }

    /** What a linear layer's matmul does after its bias: nothing, add the residual stream it writes into, or apply the MLP's activation. */
    private enum Fused { NOTHING, RESIDUAL, ACTIVATION }
}
