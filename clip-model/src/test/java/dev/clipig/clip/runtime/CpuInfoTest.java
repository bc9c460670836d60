package dev.clipig.clip.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CpuInfoTest {

    @Test
    void readsTheFirstProcessorsModelAndFlags() {
        CpuInfo cpu = CpuInfo.parse(List.of("processor\t: 0", "model name\t: AMD EPYC 9B45",
                "flags\t\t: fpu sse2 fma  avx2 avx512f pti", "processor\t: 1", "model name\t: other",
                "flags\t\t: fpu"));
        assertEquals("AMD EPYC 9B45", cpu.model());
        assertEquals(Set.of("fpu", "sse2", "fma", "avx2", "avx512f", "pti"), cpu.flags());
        assertEquals(List.of("avx2", "avx512f", "fma"), List.copyOf(cpu.simd()));
    }

    @Test
    void noFlagsWhereThereIsNoCpuinfo() {
        assertEquals(Set.of(), CpuInfo.parse(List.of()).flags());
    }
}
