package dev.clipig.clip.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The per-thread OpenMP setting that each lane makes for itself (see {@link Lanes}) reaches the loaded libgomp. */
class OpenMpTest {

    @Test
    void aThreadSetsItsOwnCountAndNoOtherThreads() throws InterruptedException {
        Nd4j.create(1);
        int before = OpenMp.maxThreadsHere().orElseThrow(() -> new AssertionError("libnd4j loads a libgomp"));
        AtomicReference<int[]> seen = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            OpenMp.threadsHere(3);
            int three = OpenMp.maxThreadsHere().orElseThrow();
            OpenMp.threadsHere(1);
            seen.set(new int[] {three, OpenMp.maxThreadsHere().orElseThrow()});
        });
        thread.start();
        thread.join();
        assertEquals(3, seen.get()[0]);
        assertEquals(1, seen.get()[1]);
        assertEquals(before, OpenMp.maxThreadsHere().orElseThrow(), "the calling thread keeps its own count");
    }
}
