package dev.clipig.clip.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What runs the passes on this machine, so that a speed figure names what made it: libnd4j's
 * native build (the folder its library was loaded from, e.g. {@code linux-x86_64-onednn}), the
 * lanes and the threads each runs, OpenBLAS's kernel family as forced by {@code OPENBLAS_CORETYPE}
 * if set, and the CPU with its SIMD flags.
 *
 * @param variant     libnd4j's build, or "unknown" where its library was not found among the loaded
 * @param lanes       the lanes a model splits a batch across ({@link Lanes})
 * @param opThreads   the threads of one libnd4j op
 * @param blasThreads the threads of one BLAS call
 * @param coreType    the value of {@code OPENBLAS_CORETYPE}, empty when OpenBLAS detects the CPU itself
 * @param cpu         the CPU's model name
 * @param simd        the CPU's AVX flags
 */
public record NativeBuild(String variant, int lanes, int opThreads, int blasThreads, Optional<String> coreType,
                          String cpu, Set<String> simd) {

    /** This process's build; configures ND4J's threads as the first model would. */
    public static NativeBuild ofThisProcess() {
        int lanes = NativeThreads.configure();
        String variant = Loader.getLoadedLibraries().values().stream()
                .map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith("libjnind4j"))
                .map(p -> p.getParent().getFileName().toString())
                .findFirst().orElse("unknown");
        List<String> cpuinfo = cpuinfo();
        return new NativeBuild(variant, lanes, Nd4j.getEnvironment().maxThreads(),
                Nd4j.factory().blas().getMaxThreads(), Optional.ofNullable(System.getenv("OPENBLAS_CORETYPE")),
                field(cpuinfo, "model name").orElse(System.getProperty("os.arch")), avxFlags(cpuinfo));
    }

    /** Name-value pairs for a report, in reading order. */
    public Map<String, String> describe() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("cpu", cpu);
        lines.put("simd", simd.isEmpty() ? "none of AVX" : String.join(" ", simd));
        lines.put("libnd4j", variant + (variant.contains("onednn") ? " (linear layers and softmax through oneDNN; attention's batched products not)" : ""));
        lines.put("openblas_coretype", coreType.orElse("detected by OpenBLAS"));
        lines.put("lanes", lanes + " x " + opThreads + " op thread(s), " + blasThreads + " BLAS thread(s)");
        return lines;
    }

    private static List<String> cpuinfo() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<String> field(List<String> cpuinfo, String name) {
        return cpuinfo.stream().filter(l -> l.startsWith(name)).map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst();
    }

    private static Set<String> avxFlags(List<String> cpuinfo) {
        Set<String> flags = new TreeSet<>();
        field(cpuinfo, "flags").ifPresent(f -> {
            for (String flag : f.split(" ")) {
                if (flag.startsWith("avx") || flag.equals("fma")) flags.add(flag);
            }
        });
        return flags;
    }
}
