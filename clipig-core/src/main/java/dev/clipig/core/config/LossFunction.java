package dev.clipig.core.config;

import java.util.List;

/**
 * The loss between current and desired value: {@code cosine} (features only, {@code 1 - cosine}),
 * mean absolute error ({@code l1}/{@code mae}) or mean squared error ({@code l2}/{@code mse}).
 */
public enum LossFunction implements ConfigChoice {
    COSINE("cosine"),
    L1("l1", "mae"),
    L2("l2", "mse");

    private final List<String> spellings;

    LossFunction(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
