package dev.clipig.core.config;

import java.util.List;

/**
 * The reference's optimizers. CLIPig spells RMSprop {@code rmsprob}; {@code rmsprop} is accepted too.
 * Each has its own base learnrate (in the optimizer package) so that {@code learnrate: 1.0} means about
 * the same for all.
 */
public enum OptimizerKind implements ConfigChoice {
    ADAM("adam"),
    SGD("sgd"),
    SPARSE_ADAM("sparse_adam"),
    ADADELTA("adadelta"),
    RMSPROP("rmsprob", "rmsprop");

    private final List<String> spellings;

    OptimizerKind(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
