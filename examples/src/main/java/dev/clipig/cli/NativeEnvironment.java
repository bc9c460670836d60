package dev.clipig.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment ND4J's native code runs fastest with on a small machine. OpenMP and glibc's
 * malloc read these variables once, when the process starts, so the CLI re-launches itself with
 * them when they are missing; a user's own values are never overridden.
 *
 * <p>Measured: a model already spreads a batch over the cores, one thread per core (its lanes), so
 * OpenMP's own pool only competes with them (OMP_NUM_THREADS=1 gave forward + backward 1.93–2.05 s
 * against 1.95–2.16 s); malloc returning big buffers to the OS on every free cost 30 % of a forward
 * pass (shared/README.md).
 *
 * <p>The re-launched JVM also gets a 1 GB heap unless the user chose one: the arrays live off-heap,
 * and with the default heap (a quarter of the machine's memory) the collector let the heap grow to
 * 650 MB in a 50-step render, taking the process from 1.7 to 2.1 GB resident.
 */
final class NativeEnvironment {
    private static final String RELAUNCHED = "CLIPIG_RELAUNCHED", HEAP = "-Xmx1g";

    private NativeEnvironment() {
    }

    static Map<String, String> wanted() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OMP_NUM_THREADS", "1");
        env.put("MALLOC_MMAP_THRESHOLD_", "33554432");
        env.put("MALLOC_TRIM_THRESHOLD_", "4294967296");
        return env;
    }

    /** The re-launched JVM's options: this one's, plus the heap size if the user set none. */
    static List<String> jvmOptions(List<String> given) {
        List<String> options = new ArrayList<>(given);
        if (given.stream().noneMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize"))) options.add(HEAP);
        return options;
    }

    /** The exit code of a re-launched child, or empty when this process already has the environment. */
    static Optional<Integer> relaunchIfNeeded(Class<?> main, String[] args) {
        Map<String, String> missing = new LinkedHashMap<>(wanted());
        missing.keySet().removeAll(System.getenv().keySet());
        Optional<String> java = ProcessHandle.current().info().command();
        if (missing.isEmpty() || System.getenv(RELAUNCHED) != null || java.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(jvmOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
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
