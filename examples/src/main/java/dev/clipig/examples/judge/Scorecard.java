package dev.clipig.examples.judge;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The judge's verdicts on a set of renders: a per-caption table and the totals. */
public record Scorecard(List<Verdict> verdicts) {

    public Scorecard {
        verdicts = List.copyOf(verdicts);
    }

    public long count(Predicate<Verdict> right) {
        return verdicts.stream().filter(right).count();
    }

    public String table() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-4s  %-26s  %-26s  %-6s  %-5s  %s%n",
                "seed", "caption", "judge names", "colour", "shape", "background"));
        for (Verdict v : verdicts) {
            text.append(String.format(Locale.ROOT, "%-4d  %-26s  %-26s  %-6s  %-5s  %s%n", v.seed(),
                    v.asked().caption(), v.named().caption(), mark(v.colourRight()), mark(v.shapeRight()),
                    mark(v.backgroundRight())));
        }
        return text.append(totals()).append(System.lineSeparator()).toString();
    }

    public String totals() {
        int n = verdicts.size();
        return String.format(Locale.ROOT, "colour %d/%d, shape %d/%d, background %d/%d, whole caption %d/%d",
                count(Verdict::colourRight), n, count(Verdict::shapeRight), n, count(Verdict::backgroundRight), n,
                count(Verdict::allRight), n);
    }

    private static String mark(boolean right) {
        return right ? "right" : "WRONG";
    }
}
