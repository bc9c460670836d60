package dev.clipig.cli;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.models.ModelCatalog;
import picocli.CommandLine.Option;

/** The {@code --model} option the CLIP-using commands share. */
public final class ModelOption {
    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "a model name (ViT-B/32, ViT-B/16, toy-shapes, toy-shapes-b, toy-shapes-c) or a weights file (.safetensors or OpenAI .pt);"
                    + " default: the config's model where there is one, else " + ModelCatalog.DEFAULT_MODEL)
    private String model;

    /** The model asked for, or {@code otherwise} when the option is absent. */
    String nameOr(String otherwise) {
        return model != null ? model : otherwise;
    }

    /** The name given, or the default model. */
    public String name() {
        return nameOr(ModelCatalog.DEFAULT_MODEL);
    }

    /** Resolves the name (downloading or converting once, if need be) and loads the model. */
    ClipModel load() {
        return load(name());
    }

    /** Loads the option's model or, when the option is absent, the one a config names. */
    static ClipModel load(String name) {
        return ClipModel.load(ModelCatalog.standard().resolve(name));
    }
}
