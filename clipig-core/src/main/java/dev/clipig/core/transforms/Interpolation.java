package dev.clipig.core.transforms;

import dev.clipig.core.ConfigChoice;

/** torch's {@code interpolate} filters, the reference's {@code interpolation} setting. */
public enum Interpolation implements ConfigChoice { NEAREST, LINEAR, CUBIC }
