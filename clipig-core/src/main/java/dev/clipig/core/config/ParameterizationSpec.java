package dev.clipig.core.config;

/**
 * The config's {@code parameterization}: how the trained parameters become pixels.
 *
 * @param kind        pixels (CLIPig's own, the default), fft or pyramid
 * @param decay       fft: the spectrum's amplitude falls as 1/frequency^decay
 * @param levels      pyramid: the number of planes, each half the size of the next, the last full size
 * @param decorrelate fft and pyramid: the parameters' channels are decorrelated colour, mixed into RGB
 * @param sigmoid     fft and pyramid: a sigmoid maps to [0, 1]; otherwise the values are offset by 0.5
 */
public record ParameterizationSpec(ParameterizationKind kind, double decay, int levels, boolean decorrelate,
                                   boolean sigmoid) {

    public static final ParameterizationSpec PIXELS = of(ParameterizationKind.PIXELS);

    public ParameterizationSpec {
        if (!(decay >= 0) || Double.isInfinite(decay)) {
            throw new IllegalArgumentException("decay must be zero or positive, got " + decay);
        }
        if (levels < 1) throw new IllegalArgumentException("levels must be at least 1, got " + levels);
    }

    /** The kind and its options, as a checkpoint records them: {@code pixels}, {@code fft decay=1.0 decorrelate=true sigmoid=true}. */
    public String label() {
        String name = kind.spellings().get(0);
        return switch (kind) {
            case PIXELS -> name;
            case FFT -> name + " decay=" + decay + " decorrelate=" + decorrelate + " sigmoid=" + sigmoid;
            case PYRAMID -> name + " levels=" + levels + " decorrelate=" + decorrelate + " sigmoid=" + sigmoid;
        };
    }

    /** A kind with its defaults: decay 1, 5 levels, decorrelated colour through a sigmoid. */
    public static ParameterizationSpec of(ParameterizationKind kind) {
        return new ParameterizationSpec(kind, 1.0, 5, true, true);
    }
}
