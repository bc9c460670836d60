package dev.clipig.cli;

import dev.clipig.clip.runtime.OpenBlasFamily;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The environment ND4J's native code runs fastest with on a small machine. OpenMP and glibc's
 * malloc read these variables once, when the process starts, and the JVM its heap sizes, so the
 * CLI re-launches itself with them when they are missing; a user's own values are never overridden.
 *
 * <p>Why each: OpenMP's own pool only competes with a model's lanes (one thread per core already);
 * glibc returning big buffers to the kernel on every free slowed passes, and with its default of up
 * to eight arenas per core, each thread that once allocated (lanes, JIT compilers, the collector)
 * kept up to 64 MB of freed memory of its own; OpenBLAS falls back to its
 * SSE3 kernels on CPUs newer than it, so where it picked a family below what the CPU's flags allow,
 * {@code OPENBLAS_CORETYPE} names the better one ({@link OpenBlasFamily}); and with the JVM's default
 * heap sizes the collector let the heap, and so the resident memory, grow by hundreds of MB while
 * the arrays live off-heap anyway. A user who sets either heap size gets neither of ours, so the two
 * never conflict. JavaCPP, below ND4J, reads the process's resident memory at every native
 * allocation, under a lock all threads share, while its bound on it is above 0: a pass of a small
 * model is mostly allocations, so the child gets the bound 0 (JavaCPP still bounds the memory it
 * allocates itself by the heap's size). The measurements are in docs/performance.md.
 */
public final class NativeEnvironment {
    private static final String RELAUNCHED = "CLIPIG_RELAUNCHED", MAX_HEAP = "-Xmx1g", START_HEAP = "-Xms128m";
    private static final String MAX_PHYSICAL_BYTES = "-Dorg.bytedeco.javacpp.maxPhysicalBytes";

    private NativeEnvironment() {
    }

    static Map<String, String> wanted() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OMP_NUM_THREADS", "1");
        env.put("MALLOC_MMAP_THRESHOLD_", "33554432");
        env.put("MALLOC_TRIM_THRESHOLD_", "4294967296");
        env.put("MALLOC_ARENA_MAX", "2");
        OpenBlasFamily.wanted().ifPresent(family -> env.put(OpenBlasFamily.VARIABLE, family));
        return env;
    }

    /**
     * The re-launched JVM's options: this one's, plus the heap's sizes unless the user set either,
     * plus JavaCPP's bound on resident memory unless the user set it (JavaCPP reads either spelling).
     */
    static List<String> jvmOptions(List<String> given) {
        List<String> options = new ArrayList<>(given);
        boolean sized = given.stream().anyMatch(o -> o.startsWith("-Xmx") || o.startsWith("-Xms")
                || o.startsWith("-XX:MaxHeapSize") || o.startsWith("-XX:InitialHeapSize"));
        if (!sized) options.addAll(List.of(MAX_HEAP, START_HEAP));
        String bound = MAX_PHYSICAL_BYTES.toLowerCase(Locale.ROOT) + "=";
        boolean bounded = given.stream().anyMatch(o -> o.toLowerCase(Locale.ROOT).startsWith(bound));
        if (!bounded) options.add(MAX_PHYSICAL_BYTES + "=0");
        return options;
    }

    /**
     * In a re-launched child, ends this process when the launcher is gone: a launcher killed with
     * {@code kill -9} cannot stop its child, which would otherwise go on writing the run's files.
     */
    public static void exitWithLauncher() {
        String launcher = System.getenv(RELAUNCHED);
        if (launcher == null || !launcher.chars().allMatch(Character::isDigit) || launcher.isEmpty()) return;
        Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(launcher));
        if (parent.isEmpty()) System.exit(1);
        parent.get().onExit().thenRun(() -> System.exit(1));
    }

    /** The exit code of a re-launched child, or empty when this process already has the environment. */
    static Optional<Integer> relaunchIfNeeded(Class<?> main, String[] args) {
        return relaunchIfNeeded(main, List.of(), args);
    }

    /**
     * As {@link #relaunchIfNeeded(Class, String[])}, giving the child also {@code carried}: options
     * this JVM got from elsewhere than its command line (an executable jar's {@code Add-Opens}).
     */
    public static Optional<Integer> relaunchIfNeeded(Class<?> main, List<String> carried, String[] args) {
        if (System.getenv(RELAUNCHED) != null) return Optional.empty();
        Map<String, String> missing = new LinkedHashMap<>(wanted());
        missing.keySet().removeAll(System.getenv().keySet());
        List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments(), options = jvmOptions(given);
        Optional<String> java = ProcessHandle.current().info().command();
        if ((missing.isEmpty() && options.equals(given)) || java.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(options);
        command.addAll(carried);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder child = new ProcessBuilder(command).inheritIO();
        child.environment().putAll(missing);
        child.environment().put(RELAUNCHED, Long.toString(ProcessHandle.current().pid()));
        try {
            return Optional.of(child.start().waitFor());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
