package dev.clipig.weights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checkpoint's tensors as a ViT CLIP: under OpenAI's names, in OpenAI's order, each one
 * checked against the shape the inferred hyper-parameters demand, with nothing missing or extra.
 */
public record ClipWeights(ClipHyperParams hyperParams, Map<String, Tensor> tensors) {
    private static final int NAMES_SHOWN = 5;

    public ClipWeights {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /**
     * @throws WeightsException naming the file and the first problem: a layout that is no ViT
     *     CLIP, or a tensor that is missing, mis-shaped or unexpected
     */
    public static ClipWeights of(Checkpoint checkpoint) {
        try {
            return of(checkpoint.tensors());
        } catch (IllegalArgumentException e) {
            throw new WeightsException(checkpoint.source() + ": " + e.getMessage(), e);
        }
    }

    private static ClipWeights of(Map<String, Tensor> fileTensors) {
        Map<String, Tensor> named = new LinkedHashMap<>(HuggingFaceNames.appliesTo(fileTensors)
                ? HuggingFaceNames.toOpenAi(fileTensors) : fileTensors);
        named.keySet().removeAll(ClipLayout.SCALAR_EXTRAS);
        if (named.keySet().stream().anyMatch(name -> name.startsWith("visual.layer1."))) {
            throw new IllegalArgumentException("a ResNet CLIP (visual.layer1...): only ViT CLIP models are supported");
        }
        if (!named.containsKey("visual.conv1.weight") && !named.containsKey("token_embedding.weight")) {
            throw new IllegalArgumentException("unknown layout: neither OpenAI's nor Hugging Face's CLIP tensor names"
                    + " (found " + sample(new ArrayList<>(named.keySet())) + ")");
        }
        Map<String, int[]> shapes = new LinkedHashMap<>();
        named.forEach((name, tensor) -> shapes.put(name, tensor.shape()));
        ClipHyperParams hyperParams = ClipHyperParams.infer(shapes);

        Map<String, Tensor> ordered = new LinkedHashMap<>();
        ClipLayout.shapes(hyperParams).forEach((name, expected) -> {
            Tensor tensor = named.remove(name);
            if (tensor == null) {
                throw new IllegalArgumentException("missing tensor '" + name + "'");
            }
            if (!Arrays.equals(tensor.shape(), expected)) {
                throw new IllegalArgumentException("tensor '" + name + "' has shape " + Arrays.toString(tensor.shape())
                        + ", expected " + Arrays.toString(expected) + " for " + hyperParams);
            }
            ordered.put(name, tensor);
        });
        if (!named.isEmpty()) {
            throw new IllegalArgumentException("unexpected tensors in a ViT CLIP of " + hyperParams + ": "
                    + sample(new ArrayList<>(named.keySet())));
        }
        return new ClipWeights(hyperParams, ordered);
    }

    private static String sample(List<String> names) {
        List<String> shown = names.subList(0, Math.min(NAMES_SHOWN, names.size()));
        return "'" + String.join("', '", shown) + "'" + (names.size() > shown.size()
                ? " and " + (names.size() - shown.size()) + " more" : "");
    }

    public long parameterCount() {
        return tensors.values().stream().mapToLong(Tensor::numel).sum();
    }
}
