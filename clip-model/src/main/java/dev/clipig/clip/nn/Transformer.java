package dev.clipig.clip.nn;

import dev.clipig.clip.runtime.Workspaces;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A stack of residual blocks, OpenAI's {@code transformer.resblocks.N}. */
public record Transformer(List<ResidualBlock> blocks) {

    public Transformer {
        blocks = List.copyOf(blocks);
    }

    public static Transformer load(Weights w, String prefix, int layers, int heads, boolean causal) {
        return new Transformer(IntStream.range(0, layers)
                .mapToObj(i -> ResidualBlock.load(w, prefix + ".resblocks." + i, heads, causal))
                .toList());
    }

    /**
     * [batch · tokens, width] → [batch · queries, width]; only the last block narrows to the
     * first {@code queries} tokens, since the earlier ones feed every token's keys and values.
     */
    public INDArray forward(INDArray x, int batch, int queries, Tape tape) {
        int tokens = (int) (x.size(0) / batch);
        for (int i = 0; i < blocks.size(); i++) {
            ResidualBlock block = blocks.get(i);
            INDArray input = x;
            int outputs = i == blocks.size() - 1 ? queries : tokens;
            x = inBlockWorkspace(tape, () -> block.forward(input, batch, outputs, tape));
        }
        return x;
    }

    public INDArray backward(INDArray dy, int batch, int tokens, Tape tape) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            ResidualBlock block = blocks.get(i);
            INDArray gradient = dy;
            dy = inBlockWorkspace(tape, () -> block.backward(gradient, batch, tokens, tape));
        }
        return dy;
    }

    /** One block in the block workspace, moving its output and what it saved on the tape out of it. */
    private static INDArray inBlockWorkspace(Tape tape, Supplier<INDArray> body) {
        int mark = tape.mark();
        return Workspaces.block(body, (out, move) -> {
            tape.replaceSince(mark, move);
            return move.apply(out);
        });
    }
}
