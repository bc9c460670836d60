package dev.clipig.clip.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativeBuildTest {

    /** The jar carries one native build of libnd4j, the one the pom names; a second would be dead weight. */
    @Test
    void theBuildThePomNamesIsTheOneLoaded() {
        NativeBuild build = NativeBuild.ofThisProcess();
        assertEquals(System.getProperty("clipig.nd4j.classifier"), build.variant());
        assertTrue(build.lanes() >= 1);
        assertTrue(build.describe().get("lanes").startsWith(build.lanes() + " x "), build.describe().toString());
        String openBlas = "OpenBLAS " + build.coreType().orElseThrow();
        assertTrue(build.describe().get("matmul").startsWith(build.variant().contains("onednn")
                ? "oneDNN (linear layers, softmax), " + openBlas : openBlas), build.describe().toString());
        assertTrue(build.oneDnn(), "the CPU build runs the image encoder's inference on oneDNN's primitives");
        assertTrue(build.describe().get("image_inference").startsWith("oneDNN"), build.describe().toString());
    }
}
