package dev.clipig.core.config;

import dev.clipig.core.ConfigChoice;

/**
 * What the optimizer trains: CLIPig's {@code pixels} themselves, a Fourier spectrum scaled by
 * 1/frequency ({@code fft}), or a {@code pyramid} of planes of growing size summed after upsampling.
 */
public enum ParameterizationKind implements ConfigChoice { PIXELS, FFT, PYRAMID }
