package dev.clipig.weights;

import dev.clipig.weights.safetensors.SafetensorsFile;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The shape of a ViT CLIP, everything needed to build it from its tensors.
 *
 * <p>{@link #infer} reads them off the tensor shapes exactly as OpenAI's {@code build_model}
 * does; a converted file carries them in its safetensors metadata as decimal strings.
 */
public record ClipHyperParams(int embedDim, int imageResolution, int visionLayers, int visionWidth, int visionHeads,
                              int visionPatchSize, int contextLength, int vocabSize, int textWidth, int textHeads,
                              int textLayers) {
    /** Metadata {@code format} value of files this converter writes. */
    public static final String FORMAT = "clipig-1";
    /** OpenAI's attention heads are all this wide, so a width fixes the head count. */
    public static final int HEAD_WIDTH = 64;

    private static final Map<String, ToIntFunction<ClipHyperParams>> METADATA_KEYS = metadataKeys();

    public ClipHyperParams {
        int[] all = {embedDim, imageResolution, visionLayers, visionWidth, visionHeads, visionPatchSize,
            contextLength, vocabSize, textWidth, textHeads, textLayers};
        if (Arrays.stream(all).anyMatch(value -> value <= 0)) {
            throw new IllegalArgumentException("hyper-parameters must be positive, got " + Arrays.toString(all));
        }
        if (imageResolution % visionPatchSize != 0) {
            throw new IllegalArgumentException("image resolution " + imageResolution
                    + " is not a multiple of the patch size " + visionPatchSize);
        }
    }

    private static Map<String, ToIntFunction<ClipHyperParams>> metadataKeys() {
        Map<String, ToIntFunction<ClipHyperParams>> keys = new LinkedHashMap<>();
        keys.put("embed_dim", ClipHyperParams::embedDim);
        keys.put("image_resolution", ClipHyperParams::imageResolution);
        keys.put("vision_layers", ClipHyperParams::visionLayers);
        keys.put("vision_width", ClipHyperParams::visionWidth);
        keys.put("vision_heads", ClipHyperParams::visionHeads);
        keys.put("vision_patch_size", ClipHyperParams::visionPatchSize);
        keys.put("context_length", ClipHyperParams::contextLength);
        keys.put("vocab_size", ClipHyperParams::vocabSize);
        keys.put("text_width", ClipHyperParams::textWidth);
        keys.put("text_heads", ClipHyperParams::textHeads);
        keys.put("text_layers", ClipHyperParams::textLayers);
        return keys;
    }

    /** Patches per image side. */
    public int gridSize() {
        return imageResolution / visionPatchSize;
    }

    /**
     * The hyper-parameters of a ViT CLIP from its tensor shapes under OpenAI's names, as
     * {@code clip.model.build_model} computes them.
     *
     * @throws IllegalArgumentException naming a tensor the inference needs that is missing or
     *     has the wrong rank, or a width that is no multiple of {@link #HEAD_WIDTH}
     */
    public static ClipHyperParams infer(Map<String, int[]> shapes) {
        int[] conv = shape(shapes, "visual.conv1.weight", 4);
        int visionWidth = conv[0];
        int patch = conv[3];
        int visionLayers = (int) shapes.keySet().stream()
                .filter(name -> name.startsWith("visual.") && name.endsWith(".attn.in_proj_weight"))
                .count();
        int grid = (int) Math.round(Math.sqrt(shape(shapes, "visual.positional_embedding", 2)[0] - 1));
        int embedDim = shape(shapes, "text_projection", 2)[1];
        int contextLength = shape(shapes, "positional_embedding", 2)[0];
        int vocabSize = shape(shapes, "token_embedding.weight", 2)[0];
        int textWidth = shape(shapes, "ln_final.weight", 1)[0];
        int textLayers = (int) shapes.keySet().stream()
                .filter(name -> name.startsWith("transformer.resblocks."))
                .map(name -> name.split("\\.")[2])
                .distinct()
                .count();
        return new ClipHyperParams(embedDim, patch * grid, visionLayers, visionWidth, heads("vision", visionWidth),
                patch, contextLength, vocabSize, textWidth, heads("text", textWidth), textLayers);
    }

    private static int[] shape(Map<String, int[]> shapes, String name, int rank) {
        int[] shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("missing tensor '" + name + "'");
        }
        if (shape.length != rank) {
            throw new IllegalArgumentException("tensor '" + name + "' has " + shape.length
                    + " dimensions, expected " + rank);
        }
        return shape;
    }

    private static int heads(String tower, int width) {
        if (width % HEAD_WIDTH != 0) {
            throw new IllegalArgumentException(tower + " width " + width + " is not a multiple of the head width "
                    + HEAD_WIDTH);
        }
        return width / HEAD_WIDTH;
    }

    /** The safetensors metadata of a converted file: {@code format} and every hyper-parameter. */
    public Map<String, String> toMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", FORMAT);
        METADATA_KEYS.forEach((key, value) -> metadata.put(key, Integer.toString(value.applyAsInt(this))));
        return metadata;
    }

    /**
     * The hyper-parameters a converted file carries in its metadata.
     *
     * @throws WeightsException naming the file and the key if one is missing or malformed, or
     *     if the file was not written by this converter
     */
    public static ClipHyperParams fromMetadata(SafetensorsFile file) {
        Map<String, String> metadata = file.metadata();
        if (!FORMAT.equals(metadata.get("format"))) {
            throw new WeightsException(file.path() + ": not a converted CLIP file (metadata format is "
                    + metadata.get("format") + ", expected " + FORMAT + "); convert it with 'clipig convert'");
        }
        int[] values = new int[METADATA_KEYS.size()];
        int i = 0;
        for (String key : METADATA_KEYS.keySet()) {
            String text = metadata.get(key);
            try {
                values[i++] = Integer.parseInt(text == null ? "" : text);
            } catch (NumberFormatException e) {
                throw new WeightsException(file.path() + ": metadata '" + key + "' is "
                        + (text == null ? "missing" : "'" + text + "', not an integer"), e);
            }
        }
        try {
            return new ClipHyperParams(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                    values[7], values[8], values[9], values[10]);
        } catch (IllegalArgumentException e) {
            throw new WeightsException(file.path() + ": metadata: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        METADATA_KEYS.forEach((key, value) -> text.append(text.length() == 0 ? "" : ", ")
                .append(key).append('=').append(value.applyAsInt(this)));
        return text.toString();
    }
}
