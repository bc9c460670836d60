package dev.clipig.core.config;

import dev.clipig.core.ConfigChoice;

/**
 * The initial similarity scaling of a target's features: {@code equal} leaves them at 1, {@code fair}
 * scales them so that the initial image is equally similar to each.
 */
public enum FeatureScale implements ConfigChoice { EQUAL, FAIR }
