package dev.clipig.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.ClipigException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The contract every reader keeps with bad input, checked case by case: it either loads, or
 * throws the project's user-error exception whose message is one line of at most
 * {@value #MAX_MESSAGE} characters (the cap {@link ClipigException} enforces) without control characters; never another exception, never
 * an error of the JVM, and no case takes longer than {@value #CASE_LIMIT_SECONDS} s (or the limit given).
 */
public final class OneLineContract {
    public static final int MAX_MESSAGE = ClipigException.MAX_LENGTH;
    /** A couple of seconds of slack over the milliseconds a case takes, for a loaded 2-core machine. */
    public static final int CASE_LIMIT_SECONDS = 3;
    private static final int FAILURES_SHOWN = 800;

    /** One case: reading (and using) one damaged input. */
    @FunctionalInterface
    public interface Case {
        void run() throws Exception;
    }

    private final String target;
    private final Class<? extends Throwable> userError;
    private final int limitSeconds;
    private final List<String> failures = new ArrayList<>();
    private int cases;
    private int loaded;
    private int refused;
    private long slowestNanos;
    private String slowest = "none";

    public OneLineContract(String target, Class<? extends Throwable> userError) {
        this(target, userError, CASE_LIMIT_SECONDS);
    }

    /** @param limitSeconds the time one case may take, for cases heavier than a read (a render step) */
    public OneLineContract(String target, Class<? extends Throwable> userError, int limitSeconds) {
        this.target = target;
        this.userError = userError;
        this.limitSeconds = limitSeconds;
    }

    public void check(String name, Case body) {
        cases++;
        long start = System.nanoTime();
        try {
            body.run();
            loaded++;
        } catch (Throwable thrown) {
            if (userError.isInstance(thrown)) {
                refused++;
                String fault = messageFault(thrown.getMessage());
                if (fault != null) {
                    failures.add(name + ": " + fault + ": " + shown(thrown.getMessage()));
                }
            } else {
                StackTraceElement[] trace = thrown.getStackTrace();
                failures.add(name + ": " + thrown.getClass().getName() + " " + shown(thrown.getMessage())
                        + (trace.length > 0 ? " at " + trace[0] : ""));
            }
        }
        long took = System.nanoTime() - start;
        if (took > slowestNanos) {
            slowestNanos = took;
            slowest = name;
        }
        if (took > TimeUnit.SECONDS.toNanos(limitSeconds)) {
            failures.add(name + ": took " + TimeUnit.NANOSECONDS.toMillis(took) + " ms");
        }
    }

    /** Null if {@code message} keeps the contract, else what is wrong with it. */
    public static String messageFault(String message) {
        if (message == null || message.isBlank()) {
            return "empty message";
        }
        if (message.length() > MAX_MESSAGE) {
            return message.length() + " characters";
        }
        if (message.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            return "control characters";
        }
        return null;
    }

    private static String shown(String message) {
        String text = String.valueOf(message).replaceAll("\\p{Cntrl}", "?");
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** Prints the counts (the suite's record of what was tried) and fails listing the first broken cases. */
    public void assertHeld() {
        System.out.printf("fuzz %s: %d cases, %d loaded, %d refused in one line, %d broke the contract,"
                + " slowest %d ms (%s)%n", target, cases, loaded, refused, failures.size(),
                TimeUnit.NANOSECONDS.toMillis(slowestNanos), slowest);
        assertTrue(failures.isEmpty(), () -> target + ": " + failures.size() + " cases broke the contract:\n"
                + String.join("\n", failures.subList(0, Math.min(FAILURES_SHOWN, failures.size()))));
    }

    public int cases() {
        return cases;
    }
}
