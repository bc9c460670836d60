package dev.clipig.clip;

import dev.clipig.clip.nn.Weights;
import dev.clipig.weights.ClipHyperParams;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Random frozen weights with OpenAI's names and shapes, for benchmarks and tests that need no
 * download: magnitudes like a trained model's, so activations and softmaxes are realistic.
 */
public final class RandomWeights implements Weights {
    private final Map<String, INDArray> tensors = new HashMap<>();
    private final DataType type;

    public RandomWeights(ClipHyperParams p, DataType type, long seed) {
        this.type = type;
        Nd4j.getRandom().setSeed(seed);
        int grid = p.gridSize(), patch = p.visionPatchSize(), width = p.visionWidth(), embed = p.embedDim();
        int textWidth = p.textWidth();
        put("visual.conv1.weight", 0.1, width, 3, patch, patch);
        put("visual.class_embedding", 0.5, width);
        put("visual.positional_embedding", 0.5, grid * grid + 1, width);
        norm("visual.ln_pre", width);
        blocks("visual.transformer", p.visionLayers(), width);
        norm("visual.ln_post", width);
        put("visual.proj", 0.2, width, embed);
        put("token_embedding.weight", 0.5, p.vocabSize(), textWidth);
        put("positional_embedding", 0.5, p.contextLength(), textWidth);
        blocks("transformer", p.textLayers(), textWidth);
        tensors.put("logit_scale", Nd4j.scalar(type, Math.log(100)).reshape(1));
        norm("ln_final", textWidth);
        put("text_projection", 0.2, textWidth, embed);
    }

    @Override
    public INDArray get(String name) {
        INDArray t = tensors.get(name);
        if (t == null) throw new IllegalArgumentException("no tensor " + name);
        return t;
    }

    private void blocks(String prefix, int layers, int width) {
        for (int i = 0; i < layers; i++) {
            String p = prefix + ".resblocks." + i;
            norm(p + ".ln_1", width);
            put(p + ".attn.in_proj_weight", 0.3, 3 * width, width);
            put(p + ".attn.in_proj_bias", 0.1, 3 * width);
            put(p + ".attn.out_proj.weight", 0.2, width, width);
            put(p + ".attn.out_proj.bias", 0.1, width);
            norm(p + ".ln_2", width);
            put(p + ".mlp.c_fc.weight", 0.3, 4 * width, width);
            put(p + ".mlp.c_fc.bias", 0.1, 4 * width);
            put(p + ".mlp.c_proj.weight", 0.1, width, 4 * width);
            put(p + ".mlp.c_proj.bias", 0.1, width);
        }
    }

    private void norm(String prefix, int width) {
        tensors.put(prefix + ".weight", Nd4j.randn(type, width).muli(0.2).addi(1));
        put(prefix + ".bias", 0.1, width);
    }

    /** OpenAI's ViT-B/32. */
    public static ClipHyperParams vitB32() {
        return new ClipHyperParams(512, 224, 12, 768, 12, 32, 77, 49408, 512, 8, 12);
    }

    private void put(String name, double std, long... shape) {
        tensors.put(name, Nd4j.randn(type, shape).muli(std));
    }
}
