package dev.clipig.core.config;

import java.util.List;

/** The filter used when the training image is resized. */
public enum Interpolation implements ConfigChoice {
    NEAREST("nearest"),
    LINEAR("linear"),
    CUBIC("cubic");

    private final List<String> spellings;

    Interpolation(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
