package dev.clipig.clip.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU as Linux describes it in {@code /proc/cpuinfo}: its model name and its feature flags.
 *
 * @param model the first processor's model name, or the JVM's architecture where there is none
 * @param flags the first processor's flags, e.g. {@code avx2}, {@code avx512f}
 */
public record CpuInfo(String model, Set<String> flags) {

    public CpuInfo {
        flags = Set.copyOf(flags);
    }

    /** This machine's CPU; no flags where {@code /proc/cpuinfo} cannot be read. */
    public static CpuInfo ofThisMachine() {
        try {
            return parse(Files.readAllLines(Path.of("/proc/cpuinfo")));
        } catch (IOException e) {
            return parse(List.of());
        }
    }

    /** Reads the first processor's entry of {@code /proc/cpuinfo}'s lines. */
    public static CpuInfo parse(List<String> cpuinfo) {
        Set<String> flags = field(cpuinfo, "flags").map(f -> Set.of(f.trim().split("\\s+"))).orElse(Set.of());
        return new CpuInfo(field(cpuinfo, "model name").orElse(System.getProperty("os.arch")),
                flags.contains("") ? Set.of() : flags);
    }

    /** The SIMD flags a speed report names: the AVX family and FMA, sorted. */
    public Set<String> simd() {
        Set<String> simd = new TreeSet<>();
        for (String flag : flags) {
            if (flag.startsWith("avx") || flag.equals("fma")) simd.add(flag);
        }
        return simd;
    }

    private static Optional<String> field(List<String> cpuinfo, String name) {
        return cpuinfo.stream().filter(l -> l.startsWith(name)).map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst();
    }
}
