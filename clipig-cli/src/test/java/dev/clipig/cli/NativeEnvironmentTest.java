package dev.clipig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NativeEnvironmentTest {

    @Test
    void theChildGetsABoundedHeapStartingSmallUnlessTheUserSizedTheHeap() {
        assertEquals(List.of("-Dx=1", "-Xmx1g", "-Xms128m"), NativeEnvironment.jvmOptions(List.of("-Dx=1")));
        for (String sized : List.of("-Xmx4g", "-XX:MaxHeapSize=3g", "-Xms2g", "-XX:InitialHeapSize=256m")) {
            assertEquals(List.of(sized), NativeEnvironment.jvmOptions(List.of(sized)));
        }
    }
}
