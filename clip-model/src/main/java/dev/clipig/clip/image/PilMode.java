package dev.clipig.clip.image;

/**
 * How PIL holds a decoded image, which decides how it resizes it. The planes of a
 * {@link PilImage} are in the order given here.
 */
enum PilMode {
    /** 8-bit gray ("L"): bicubic. */
    GRAY(1),
    /** 8-bit red, green, blue ("RGB"): bicubic. */
    RGB(3),
    /** 8-bit red, green, blue, alpha ("RGBA", "LA"): bicubic on alpha-premultiplied values. */
    RGBA(4),
    /** Palette or 1-bit ("P", "1"), held as the colours looked up: nearest neighbour. */
    INDEXED(3),
    /** 16-bit gray as 32-bit integers ("I"): bicubic in doubles, clamped to 0..255 on conversion. */
    WIDE_GRAY(1);

    private final int planes;

    PilMode(int planes) {
        this.planes = planes;
    }

    int planes() {
        return planes;
    }
}
