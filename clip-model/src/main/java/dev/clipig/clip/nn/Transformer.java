package dev.clipig.clip.nn;

import dev.clipig.clip.runtime.Forward;
import dev.clipig.clip.runtime.Workspaces;
import java.util.ArrayList;
import java.util.List;
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
     * Each block runs in the block workspace; what it saved leaves it only when {@code save}
     * (else the saved list is empty).
     */
    public Forward<List<ResidualBlock.Saved>> forward(INDArray x, int batch, int queries, boolean save) {
        int tokens = (int) (x.size(0) / batch);
        List<ResidualBlock.Saved> saved = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            ResidualBlock block = blocks.get(i);
            INDArray input = x;
            int outputs = i == blocks.size() - 1 ? queries : tokens;
            Forward<ResidualBlock.Saved> f = Workspaces.block(() -> block.forward(input, batch, outputs),
                    (out, move) -> new Forward<>(move.apply(out.output()), save ? out.saved().moved(move) : null));
            x = f.output();
            if (save) saved.add(f.saved());
        }
        return new Forward<>(x, saved);
    }

    public INDArray backward(INDArray dy, int batch, int tokens, List<ResidualBlock.Saved> saved) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            ResidualBlock block = blocks.get(i);
            INDArray gradient = dy;
            ResidualBlock.Saved activations = saved.get(i);
            dy = Workspaces.block(() -> block.backward(gradient, batch, tokens, activations));
        }
        return dy;
    }
}
