package dev.clipig.weights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugging Face's {@code CLIPModel} tensors renamed to OpenAI's: separate q/k/v projections are
 * stacked into one packed {@code in_proj}, the two output projections (stored as
 * {@code nn.Linear} weights, [embed, width]) are transposed back to OpenAI's [width, embed],
 * and the {@code position_ids} buffers, mere ranges, are dropped.
 */
final class HuggingFaceNames {
    private static final Pattern LAYER =
            Pattern.compile("(vision_model|text_model)\\.encoder\\.layers\\.(\\d+)\\.(.+)");
    private static final Pattern QKV = Pattern.compile("self_attn\\.([qkv])_proj\\.(weight|bias)");
    private static final List<String> QKV_ORDER = List.of("q", "k", "v");

    private static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("vision_model.embeddings.class_embedding", "visual.class_embedding"),
            Map.entry("vision_model.embeddings.patch_embedding.weight", "visual.conv1.weight"),
            Map.entry("vision_model.embeddings.position_embedding.weight", "visual.positional_embedding"),
            Map.entry("vision_model.pre_layrnorm.weight", "visual.ln_pre.weight"),
            Map.entry("vision_model.pre_layrnorm.bias", "visual.ln_pre.bias"),
            Map.entry("vision_model.post_layernorm.weight", "visual.ln_post.weight"),
            Map.entry("vision_model.post_layernorm.bias", "visual.ln_post.bias"),
            Map.entry("text_model.embeddings.token_embedding.weight", "token_embedding.weight"),
            Map.entry("text_model.embeddings.position_embedding.weight", "positional_embedding"),
            Map.entry("text_model.final_layer_norm.weight", "ln_final.weight"),
            Map.entry("text_model.final_layer_norm.bias", "ln_final.bias"),
            Map.entry("logit_scale", "logit_scale"));
    private static final Map<String, String> TRANSPOSED = Map.of(
            "visual_projection.weight", "visual.proj",
            "text_projection.weight", "text_projection");
    private static final Map<String, String> BLOCK_PARTS = Map.of(
            "self_attn.out_proj", "attn.out_proj",
            "layer_norm1", "ln_1",
            "layer_norm2", "ln_2",
            "mlp.fc1", "mlp.c_fc",
            "mlp.fc2", "mlp.c_proj");

    private HuggingFaceNames() {
    }

    static boolean appliesTo(Map<String, Tensor> tensors) {
        return tensors.keySet().stream().anyMatch(name -> name.startsWith("vision_model.")
                || name.startsWith("text_model."));
    }

    /**
     * @throws IllegalArgumentException if a q/k/v triple is incomplete or its parts do not stack;
     *     names it does not know pass through unchanged, for the layout check to report
     */
    static Map<String, Tensor> toOpenAi(Map<String, Tensor> tensors) {
        Map<String, Tensor> renamed = new LinkedHashMap<>();
        Map<String, Pack> packs = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> {
            Matcher layer = LAYER.matcher(name);
            if (name.endsWith(".position_ids")) {
                return;
            }
            if (RENAMED.containsKey(name)) {
                renamed.put(RENAMED.get(name), tensor);
            } else if (TRANSPOSED.containsKey(name)) {
                renamed.put(TRANSPOSED.get(name), tensor.transpose());
            } else if (layer.matches()) {
                String block = (layer.group(1).equals("vision_model") ? "visual.transformer" : "transformer")
                        + ".resblocks." + layer.group(2) + ".";
                Matcher qkv = QKV.matcher(layer.group(3));
                if (qkv.matches()) {
                    String leaf = qkv.group(2);
                    String hfPattern = name.substring(0, name.length() - layer.group(3).length())
                            + "self_attn.%s_proj." + leaf;
                    packs.computeIfAbsent(block + "attn.in_proj_" + leaf, k -> new Pack(hfPattern, new LinkedHashMap<>()))
                            .parts().put(qkv.group(1), tensor);
                } else {
                    renamed.put(block + blockPart(layer.group(3)), tensor);
                }
            } else {
                renamed.put(name, tensor);
            }
        });
        packs.forEach((packed, pack) -> renamed.put(packed, pack.stack(packed)));
        return renamed;
    }

    private static String blockPart(String rest) {
        int leaf = rest.lastIndexOf('.');
        String part = leaf < 0 ? "" : rest.substring(0, leaf);
        return BLOCK_PARTS.containsKey(part) ? BLOCK_PARTS.get(part) + rest.substring(leaf) : rest;
    }

    /** The separate q, k and v tensors of one packed projection, named after {@code hfPattern}. */
    private record Pack(String hfPattern, Map<String, Tensor> parts) {
        Tensor stack(String packed) {
            List<Tensor> ordered = new ArrayList<>();
            for (String part : QKV_ORDER) {
                Tensor tensor = parts.get(part);
                if (tensor == null) {
                    throw new IllegalArgumentException("missing tensor '" + String.format(hfPattern, part) + "'");
                }
                ordered.add(tensor);
            }
            try {
                return Tensor.concat(ordered);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot stack " + String.format(hfPattern, "q/k/v") + " into '"
                        + packed + "': " + e.getMessage(), e);
            }
        }
    }
}
