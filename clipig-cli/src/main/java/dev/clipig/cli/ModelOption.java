package dev.clipig.cli;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.models.ModelCatalog;
import picocli.CommandLine.Option;

/** The {@code --model} option the CLIP-using commands share. */
final class ModelOption {
    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", defaultValue = "ViT-B/32",
            description = "a model name (ViT-B/32, toy-shapes) or a weights file (.safetensors or OpenAI .pt);"
                    + " default: ${DEFAULT-VALUE}")
    String model;

    /** Resolves the name (downloading or converting once, if need be) and loads the model. */
    ClipModel load() {
        return ClipModel.load(ModelCatalog.standard().resolve(model));
    }
}
