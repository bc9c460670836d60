package dev.clipig.clip.models;

/**
 * Weights shipped inside the jar as a classpath resource, extracted into the cache before use
 * because the model is loaded from a file.
 *
 * @param resource the resource name, e.g. {@code dev/clipig/clip/models/toy-shapes.safetensors}
 */
public record BundledModel(String resource) implements ModelSource {

    public BundledModel {
        if (resource == null || resource.isBlank() || resource.endsWith("/")) {
            throw new IllegalArgumentException("not a resource name: '" + resource + "'");
        }
    }

    @Override
    public String fileName() {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }
}
