package dev.clipig.clip.runtime;

import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.LoggerFactory;

/**
 * ND4J's thread settings, chosen once per process (ND4J's are global) when the first model is
 * made. On the CPU a model runs its passes in {@link Lanes}, one per core, each with
 * single-threaded matrix products and ops; otherwise (one core, or a GPU) one master thread and
 * BLAS on all cores, since libnd4j's op pool and OpenBLAS's pool each wanting every core doubled a
 * ViT-B/32 pass here (measured 3.6 s vs 2.2 s on 2 cores). It also warns, once, where OpenBLAS runs
 * kernels older than the CPU allows: the family can only be chosen before OpenBLAS loads.
 */
final class NativeThreads {
    private static final Object LOCK = new Object();
    private static int lanes;

    private NativeThreads() {
    }

    /** Configures ND4J on first use; returns the number of lanes a model should run. */
    static int configure() {
        synchronized (LOCK) {
            if (lanes > 0) return lanes;
            int cores = Runtime.getRuntime().availableProcessors();
            lanes = Nd4j.getEnvironment().isCPU() ? cores : 1;
            if (Nd4j.getEnvironment().isCPU()) {
                OpenBlasFamily.wanted().ifPresent(family -> LoggerFactory.getLogger(NativeThreads.class).warn(
                        "OpenBLAS runs kernels older than this CPU allows: set {}={} before the JVM starts"
                                + " for faster matrix products", OpenBlasFamily.VARIABLE, family));
            }
            if (lanes > 1) {
                Nd4j.getEnvironment().setMaxThreads(1);
                Nd4j.getEnvironment().setMaxMasterThreads(lanes);
                Nd4j.factory().blas().setMaxThreads(1);
            } else {
                Nd4j.getEnvironment().setMaxMasterThreads(1);
                Nd4j.factory().blas().setMaxThreads(cores);
            }
            return lanes;
        }
    }
}
