package dev.clipig.weights;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Every tensor of OpenAI's ViT CLIP, by name and shape, in the order of its state dict. */
public final class ClipLayout {
    /**
     * Scalars OpenAI's TorchScript release keeps in its state dict; {@code build_model} deletes
     * them, and so does the converter: the hyper-parameters carry the same facts.
     */
    public static final Set<String> SCALAR_EXTRAS = Set.of("input_resolution", "context_length", "vocab_size");

    private ClipLayout() {
    }

    public static Map<String, int[]> shapes(ClipHyperParams p) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        int textWidth = p.textWidth();
        int visionWidth = p.visionWidth();
        shapes.put("positional_embedding", new int[] {p.contextLength(), textWidth});
        shapes.put("text_projection", new int[] {textWidth, p.embedDim()});
        shapes.put("logit_scale", new int[] {});
        shapes.put("visual.class_embedding", new int[] {visionWidth});
        shapes.put("visual.positional_embedding", new int[] {p.gridSize() * p.gridSize() + 1, visionWidth});
        shapes.put("visual.proj", new int[] {visionWidth, p.embedDim()});
        shapes.put("visual.conv1.weight", new int[] {visionWidth, 3, p.visionPatchSize(), p.visionPatchSize()});
        layerNorm(shapes, "visual.ln_pre", visionWidth);
        residualBlocks(shapes, "visual.transformer", p.visionLayers(), visionWidth);
        layerNorm(shapes, "visual.ln_post", visionWidth);
        residualBlocks(shapes, "transformer", p.textLayers(), textWidth);
        shapes.put("token_embedding.weight", new int[] {p.vocabSize(), textWidth});
        layerNorm(shapes, "ln_final", textWidth);
        return shapes;
    }

    private static void residualBlocks(Map<String, int[]> shapes, String transformer, int layers, int width) {
        for (int i = 0; i < layers; i++) {
            String block = transformer + ".resblocks." + i + ".";
            shapes.put(block + "attn.in_proj_weight", new int[] {3 * width, width});
            shapes.put(block + "attn.in_proj_bias", new int[] {3 * width});
            shapes.put(block + "attn.out_proj.weight", new int[] {width, width});
            shapes.put(block + "attn.out_proj.bias", new int[] {width});
            layerNorm(shapes, block + "ln_1", width);
            shapes.put(block + "mlp.c_fc.weight", new int[] {4 * width, width});
            shapes.put(block + "mlp.c_fc.bias", new int[] {4 * width});
            shapes.put(block + "mlp.c_proj.weight", new int[] {width, 4 * width});
            shapes.put(block + "mlp.c_proj.bias", new int[] {width});
            layerNorm(shapes, block + "ln_2", width);
        }
    }

    private static void layerNorm(Map<String, int[]> shapes, String norm, int width) {
        shapes.put(norm + ".weight", new int[] {width});
        shapes.put(norm + ".bias", new int[] {width});
    }
}
