package dev.clipig.clip.runtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What runs the passes on this machine, so that a speed figure names what made it: libnd4j's
 * native build (the folder its library was loaded from, e.g. {@code linux-x86_64-onednn}), the
 * lanes and the threads each runs, OpenBLAS's kernel family and whether the user chose it, and the
 * CPU with its SIMD flags.
 *
 * @param variant     libnd4j's build, or "unknown" where its library was not found among the loaded
 * @param lanes       the lanes a model splits a batch across ({@link Lanes})
 * @param opThreads   the threads of one libnd4j op
 * @param blasThreads the threads of one BLAS call
 * @param coreType    the family OpenBLAS runs, empty where there is no OpenBLAS
 * @param forced      whether {@value OpenBlasFamily#VARIABLE} chose that family
 * @param cpu         the CPU
 * @param oneDnn      whether oneDNN's primitives run the image encoder's inference ({@link OneDnn})
 * @param maxPhysicalBytes JavaCPP's bound on the resident memory, which it reads at every native
 *                    allocation while it is above 0
 */
public record NativeBuild(String variant, int lanes, int opThreads, int blasThreads, Optional<String> coreType,
                          boolean forced, CpuInfo cpu, boolean oneDnn, long maxPhysicalBytes) {

    /** This process's build; configures ND4J's threads as the first model would. */
    public static NativeBuild ofThisProcess() {
        int lanes = NativeThreads.configure();
        String variant = Loader.getLoadedLibraries().values().stream()
                .map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith("libjnind4j"))
                .map(p -> p.getParent().getFileName().toString())
                .findFirst().orElse("unknown");
        return new NativeBuild(variant, lanes, Nd4j.getEnvironment().maxThreads(),
                Nd4j.factory().blas().getMaxThreads(), OpenBlasFamily.picked(),
                System.getenv(OpenBlasFamily.VARIABLE) != null, CpuInfo.ofThisMachine(), OneDnn.cpuEngine().isPresent(),
                Pointer.maxPhysicalBytes());
    }

    /**
     * Which library serves the matrix products of ND4J's passes (the step's forward and backward,
     * the text encoder). libnd4j's oneDNN build hands oneDNN its 2-D products (the linear layers)
     * and softmax, but not the 4-D batched products of attention, which stay with OpenBLAS (its
     * oneDNN matmul takes rank 2 only; DNNL_VERBOSE shows no batched matmul).
     */
    private String matmul() {
        String openBlas = "OpenBLAS" + coreType.map(c -> " " + c).orElse("");
        if (variant.contains("onednn")) return "oneDNN (linear layers, softmax), " + openBlas + " (attention's batched products)";
        return variant.equals("unknown") ? "unknown" : openBlas;
    }

    /** Name-value pairs for a report, in reading order. */
    public Map<String, String> describe() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("cpu", cpu.model());
        lines.put("simd", cpu.simd().isEmpty() ? "none of AVX" : String.join(" ", cpu.simd()));
        lines.put("libnd4j", variant);
        lines.put("image_inference", oneDnn ? "oneDNN 2.5 primitives (bytedeco dnnl), fused" : "ND4J's ops");
        lines.put("matmul", matmul());
        lines.put("openblas_coretype", coreType.map(c -> c + (forced ? " (set by " + OpenBlasFamily.VARIABLE + ")"
                : " (detected by OpenBLAS" + OpenBlasFamily.better(c, cpu.flags())
                        .map(b -> "; " + OpenBlasFamily.VARIABLE + "=" + b + " would be faster)").orElse(")")))
                .orElse("none"));
        lines.put("lanes", lanes + " x " + opThreads + " op thread(s), " + blasThreads + " BLAS thread(s)");
        lines.put("javacpp_max_physical_bytes", maxPhysicalBytes == 0 ? "0 (resident memory not read per allocation)"
                : maxPhysicalBytes + " (resident memory read at every allocation)");
        return lines;
    }
}
