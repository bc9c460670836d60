package dev.clipig.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment ND4J's native code runs fastest with on a small machine. OpenMP and glibc's
 * malloc read these variables once, when the process starts, and the JVM its heap sizes, so the
 * CLI re-launches itself with them when they are missing; a user's own values are never overridden.
 *
 * <p>Measured: a model already spreads a batch over the cores, one thread per core (its lanes), so
 * OpenMP's own pool only competes with them (OMP_NUM_THREADS=1 gave forward + backward 1.93–2.05 s
 * against 1.95–2.16 s); malloc returning big buffers to the OS on every free cost 30 % of a forward
 * pass (shared/README.md).
 *
 * <p>The re-launched JVM also gets a 1 GB heap unless the user chose one: the arrays live off-heap,
 * and with the default heap (a quarter of the machine's memory) the collector let the heap grow to
 * 650 MB in a 50-step render, taking the process from 1.7 to 2.1 GB resident. It starts at 128 MB:
 * from the default start (1/64 of the machine's memory, 384 MB here) ND4J's short-lived Java
 * objects filled 380 MB of young generation between collections, all of it resident; starting
 * small, {@code bench}'s peak fell from 1958–1978 to 1813–1825 MB (3 rounds), its step times
 * unchanged within noise. A user who sets either size gets neither, so the two never conflict.
 */
final class NativeEnvironment {
    private static final String RELAUNCHED = "CLIPIG_RELAUNCHED", MAX_HEAP = "-Xmx1g", START_HEAP = "-Xms128m";

    private NativeEnvironment() {
    }

    static Map<String, String> wanted() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OMP_NUM_THREADS", "1");
        env.put("MALLOC_MMAP_THRESHOLD_", "33554432");
        env.put("MALLOC_TRIM_THRESHOLD_", "4294967296");
        return env;
    }

    /** The re-launched JVM's options: this one's, plus the heap's sizes unless the user set either. */
    static List<String> jvmOptions(List<String> given) {
        List<String> options = new ArrayList<>(given);
        boolean sized = given.stream().anyMatch(o -> o.startsWith("-Xmx") || o.startsWith("-Xms")
                || o.startsWith("-XX:MaxHeapSize") || o.startsWith("-XX:InitialHeapSize"));
        if (!sized) options.addAll(List.of(MAX_HEAP, START_HEAP));
        return options;
    }

    /** The exit code of a re-launched child, or empty when this process already has the environment. */
    static Optional<Integer> relaunchIfNeeded(Class<?> main, String[] args) {
        Map<String, String> missing = new LinkedHashMap<>(wanted());
        missing.keySet().removeAll(System.getenv().keySet());
        List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments(), options = jvmOptions(given);
        Optional<String> java = ProcessHandle.current().info().command();
        if ((missing.isEmpty() && options.equals(given)) || System.getenv(RELAUNCHED) != null || java.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder child = new ProcessBuilder(command).inheritIO();
        child.environment().putAll(missing);
        child.environment().put(RELAUNCHED, "1");
        try {
            return Optional.of(child.start().waitFor());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
