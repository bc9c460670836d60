package dev.clipig.core.config;

import java.util.List;

/**
 * The initial similarity scaling of a target's features: {@code equal} leaves them at 1, {@code fair}
 * scales them so that the initial image is equally similar to each.
 */
public enum FeatureScale implements ConfigChoice {
    EQUAL("equal"),
    FAIR("fair");

    private final List<String> spellings;

    FeatureScale(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
