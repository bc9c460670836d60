package dev.clipig.clip.runtime;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bytedeco.javacpp.Loader;

/**
 * OpenBLAS's kernel family: the one it picked when it loaded, and the best this CPU's flags allow.
 * ND4J's OpenBLAS 0.3.19 does not know CPUs newer than it and falls back to its SSE3 kernels
 * ("Prescott" on Intel, "Barcelona" on AMD), three times slower at matrix products; the variable
 * {@value #VARIABLE}, read once when OpenBLAS loads, chooses the family instead.
 */
public final class OpenBlasFamily {
    /** The variable OpenBLAS reads its family from. */
    public static final String VARIABLE = "OPENBLAS_CORETYPE";

    private static final int SSE = 0, AVX = 1, AVX2 = 2, AVX512 = 3;
    /** The SIMD level of each family OpenBLAS 0.3.19's x86-64 build knows (its names, lower-cased). */
    private static final Map<String, Integer> LEVELS = Map.ofEntries(
            Map.entry("katmai", SSE), Map.entry("coppermine", SSE), Map.entry("northwood", SSE),
            Map.entry("prescott", SSE), Map.entry("banias", SSE), Map.entry("atom", SSE), Map.entry("core2", SSE),
            Map.entry("penryn", SSE), Map.entry("dunnington", SSE), Map.entry("nehalem", SSE),
            Map.entry("athlon", SSE), Map.entry("opteron", SSE), Map.entry("opteron_sse3", SSE),
            Map.entry("barcelona", SSE), Map.entry("nano", SSE), Map.entry("bobcat", SSE), Map.entry("unknown", SSE),
            Map.entry("sandybridge", AVX), Map.entry("bulldozer", AVX), Map.entry("piledriver", AVX),
            Map.entry("steamroller", AVX), Map.entry("excavator", AVX),
            Map.entry("haswell", AVX2), Map.entry("zen", AVX2),
            Map.entry("skylakex", AVX512), Map.entry("cooperlake", AVX512));
    private static final Set<String> AVX512_FLAGS = Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

    private OpenBlasFamily() {
    }

    /** The best family for a CPU with these flags: SkylakeX with AVX-512, Haswell with AVX2 and FMA. */
    public static Optional<String> best(Set<String> cpuFlags) {
        if (cpuFlags.containsAll(AVX512_FLAGS)) return Optional.of("SkylakeX");
        if (cpuFlags.containsAll(Set.of("avx2", "fma"))) return Optional.of("Haswell");
        return Optional.empty();
    }

    /**
     * The family to set instead of the one OpenBLAS picked, where the picked one runs older SIMD than
     * the CPU's flags allow; empty where it does not, or where the picked name is one this table
     * does not know (a newer OpenBLAS knows better).
     */
    public static Optional<String> better(String picked, Set<String> cpuFlags) {
        Integer level = LEVELS.get(picked.toLowerCase(Locale.ROOT));
        return best(cpuFlags).filter(b -> level != null && level < LEVELS.get(b.toLowerCase(Locale.ROOT)));
    }

    /** The family the loaded OpenBLAS runs; empty where there is no OpenBLAS (e.g. the CUDA backend). */
    public static Optional<String> picked() {
        try {
            Loader.load(Class.forName("org.bytedeco.openblas.global.openblas_nolapack"));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        return Loader.getLoadedLibraries().values().stream().map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith("libopenblas_nolapack"))
                .findFirst().flatMap(OpenBlasFamily::corename);
    }

    /**
     * What this process should set: the better family for this CPU, where the user has not set
     * {@value #VARIABLE} and OpenBLAS picked a family below it.
     */
    public static Optional<String> wanted() {
        Set<String> flags = CpuInfo.ofThisMachine().flags();
        // Loading OpenBLAS to ask costs the launcher a moment: skip it where no answer could help.
        if (System.getenv(VARIABLE) != null || best(flags).isEmpty()) return Optional.empty();
        return picked().flatMap(p -> better(p, flags));
    }

    private static Optional<String> corename(Path library) {
        try {
            Function call = NativeLibrary.getInstance(library.toString()).getFunction("openblas_get_corename");
            return Optional.ofNullable(call.invokeString(new Object[0], false)).map(String::trim);
        } catch (UnsatisfiedLinkError e) {
            return Optional.empty();
        }
    }
}
