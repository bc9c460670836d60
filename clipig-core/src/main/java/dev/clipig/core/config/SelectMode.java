package dev.clipig.core.config;

import java.util.List;

/**
 * How a target combines its features: {@code all} adds the weighted losses, {@code best}/{@code worst}
 * train only the most/least similar feature, {@code mix} compares with the weighted mean feature.
 */
public enum SelectMode implements ConfigChoice {
    ALL("all"),
    BEST("best"),
    WORST("worst"),
    MIX("mix");

    private final List<String> spellings;

    SelectMode(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
