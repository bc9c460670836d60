package dev.clipig.core.config;

import dev.clipig.core.ConfigChoice;

/**
 * How a target combines its features: {@code all} adds the weighted losses, {@code best}/{@code worst}
 * train only the most/least similar feature, {@code mix} compares with the weighted mean feature.
 */
public enum SelectMode implements ConfigChoice { ALL, BEST, WORST, MIX }
