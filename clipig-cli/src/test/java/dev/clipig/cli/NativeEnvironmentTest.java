package dev.clipig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NativeEnvironmentTest {

    private static final String UNBOUNDED = "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0";

    @Test
    void theChildGetsABoundedHeapStartingSmallUnlessTheUserSizedTheHeap() {
        assertEquals(List.of("-Dx=1", "-Xmx1g", "-Xms128m", UNBOUNDED), NativeEnvironment.jvmOptions(List.of("-Dx=1")));
        for (String sized : List.of("-Xmx4g", "-XX:MaxHeapSize=3g", "-Xms2g", "-XX:InitialHeapSize=256m")) {
            assertEquals(List.of(sized, UNBOUNDED), NativeEnvironment.jvmOptions(List.of(sized)));
        }
    }

    @Test
    void theUsersOwnResidentMemoryBoundIsKeptInEitherSpelling() {
        for (String bound : List.of("-Dorg.bytedeco.javacpp.maxPhysicalBytes=8g", "-Dorg.bytedeco.javacpp.maxphysicalbytes=8g")) {
            assertEquals(List.of("-Xmx2g", bound), NativeEnvironment.jvmOptions(List.of("-Xmx2g", bound)));
        }
    }
}
