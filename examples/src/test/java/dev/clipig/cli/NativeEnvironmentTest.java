package dev.clipig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NativeEnvironmentTest {

    @Test
    void theChildGetsABoundedHeapUnlessTheUserChoseOne() {
        assertEquals(List.of("-Dx=1", "-Xmx1g"), NativeEnvironment.jvmOptions(List.of("-Dx=1")));
        assertEquals(List.of("-Xmx4g"), NativeEnvironment.jvmOptions(List.of("-Xmx4g")));
        assertEquals(List.of("-XX:MaxHeapSize=3g"), NativeEnvironment.jvmOptions(List.of("-XX:MaxHeapSize=3g")));
    }
}
