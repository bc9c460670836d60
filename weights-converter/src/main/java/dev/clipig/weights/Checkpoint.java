package dev.clipig.weights;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every tensor of a weights file under the names the file gives them, in file order. */
public record Checkpoint(Path source, String format, Map<String, Tensor> tensors) {
    public Checkpoint {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }
}
