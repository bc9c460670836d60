package dev.clipig.cli;

import java.util.Optional;
import org.nd4j.linalg.factory.Nd4jBackend;

/**
 * ND4J's native backend failing to start, which surfaces as an error from the first class that
 * touches ND4J: most often a jar built with {@code -Pcuda} on a machine without CUDA 11.6. The
 * loader has already printed the library it could not open; the rest of the chain is ND4J's.
 */
final class BackendFailure {

    private BackendFailure() {
    }

    /** The one line to print instead of the stack trace, if {@code error} is such a failure. */
    static Optional<String> explain(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof Nd4jBackend.NoAvailableBackendException) {
                return Optional.of("no ND4J backend could start (the UnsatisfiedLinkError above, printed by ND4J, names the missing library). "
                        + "A jar built with -Pcuda needs an NVIDIA driver and the CUDA 11.6 libraries; "
                        + "build without -Pcuda to run on the CPU.");
            }
        }
        return Optional.empty();
    }
}
