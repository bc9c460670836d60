package dev.clipig.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4jBackend;

/** ND4J's backend failing to start is named in one line; any other error is not mistaken for it. */
class BackendFailureTest {

    @Test
    void namesTheCudaBuildWhenNoBackendStarts() {
        // The chain a -Pcuda jar throws without libcuda.so.1: Nd4j's static initializer wraps it twice.
        Throwable chain = new ExceptionInInitializerError(new RuntimeException(
                new Nd4jBackend.NoAvailableBackendException("Please ensure that you have an nd4j backend")));
        String line = BackendFailure.explain(new NoClassDefFoundError("org/nd4j/linalg/factory/Nd4j") {
            {
                initCause(chain);
            }
        }).orElseThrow();
        assertTrue(line.contains("-Pcuda") && line.lines().count() == 1, line);
    }

    @Test
    void leavesOtherErrorsAlone() {
        assertTrue(BackendFailure.explain(new ExceptionInInitializerError(new IllegalStateException("x"))).isEmpty());
    }
}
