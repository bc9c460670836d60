package dev.clipig.core.config;

import dev.clipig.core.ConfigChoice;
import java.util.List;

/**
 * The reference's optimizers. CLIPig spells RMSprop {@code rmsprob}; {@code rmsprop} is accepted too.
 * Each has its own base learnrate (in the optimizer package) so that {@code learnrate: 1.0} means about
 * the same for all.
 */
public enum OptimizerKind implements ConfigChoice {
    ADAM, SGD, SPARSE_ADAM, ADADELTA,
    RMSPROP {
        @Override
        public List<String> spellings() {
            return List.of("rmsprob", "rmsprop");
        }
    }
}
