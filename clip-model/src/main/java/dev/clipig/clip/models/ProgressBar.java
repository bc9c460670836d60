package dev.clipig.clip.models;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar for a transfer, redrawn in place with a carriage return. Redraws are
 * rate-limited so that a fast transfer spends its time copying bytes, not printing.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final double MB = 1024.0 * 1024.0;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final long resumedAt;
    private final long started = System.nanoTime();
    private long done;
    private long drawn = Long.MIN_VALUE;

    /**
     * @param total the size in bytes, or -1 when unknown
     * @param resumedAt bytes already there before this transfer (counted as done, not in the rate)
     */
    ProgressBar(PrintStream out, String label, long total, long resumedAt) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.resumedAt = resumedAt;
        this.done = resumedAt;
    }

    void advance(long bytes) {
        done += bytes;
        long now = System.nanoTime();
        if (now - drawn >= REDRAW_NANOS) {
            drawn = now;
            draw(now);
        }
    }

    void finish() {
        draw(System.nanoTime());
        out.println();
        out.flush();
    }

    private void draw(long now) {
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        double rate = (done - resumedAt) / MB / seconds;
        StringBuilder line = new StringBuilder("\r").append(label).append(' ');
        if (total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            int filled = (int) Math.round(fraction * WIDTH);
            line.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append(']')
                    .append(String.format(Locale.ROOT, " %3d%% %.1f/%.1f MB", Math.round(fraction * 100),
                            done / MB, total / MB));
        } else {
            line.append(String.format(Locale.ROOT, "%.1f MB", done / MB));
        }
        line.append(String.format(Locale.ROOT, " %.1f MB/s", rate));
        out.print(line);
        out.flush();
    }
}
