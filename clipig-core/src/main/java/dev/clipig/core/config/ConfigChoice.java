package dev.clipig.core.config;

import java.util.List;

/** An enum constant that a config names by one or more spellings, the first being the canonical one. */
interface ConfigChoice {

    List<String> spellings();

    default String configName() {
        return spellings().get(0);
    }
}
