package dev.clipig.clip.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenBlasFamilyTest {
    /** Intel Xeon family 6 model 207 (Emerald Rapids), as issue 17 measured it. */
    private static final Set<String> EMERALD_RAPIDS = flags("fpu sse sse2 ssse3 sse4_1 sse4_2 avx f16c fma avx2 "
            + "avx512f avx512dq avx512cd avx512bw avx512vl avx512ifma avx512vbmi avx512_vbmi2 avx512_vnni "
            + "avx512_bitalg avx512_vpopcntdq avx512_bf16 avx512_fp16 avx_vnni amx_bf16 amx_tile amx_int8");
    /** An AMD Zen 3 EPYC: AVX2 and FMA, no AVX-512. */
    private static final Set<String> ZEN3 = flags("fpu sse sse2 ssse3 sse4_1 sse4_2 sse4a avx f16c fma bmi1 avx2 bmi2 vaes");
    /** An old Xeon (Westmere): SSE4.2, no AVX at all. */
    private static final Set<String> WESTMERE = flags("fpu sse sse2 ssse3 sse4_1 sse4_2 popcnt aes");

    private static Set<String> flags(String line) {
        return CpuInfo.parse(List.of("model name\t: test", "flags\t\t: " + line)).flags();
    }

    @Test
    void theBestFamilyFollowsTheWidestVectorsTheFlagsAllow() {
        assertEquals(Optional.of("SkylakeX"), OpenBlasFamily.best(EMERALD_RAPIDS));
        assertEquals(Optional.of("Haswell"), OpenBlasFamily.best(ZEN3));
        assertEquals(Optional.empty(), OpenBlasFamily.best(WESTMERE));
        assertEquals(Optional.of("Haswell"), OpenBlasFamily.best(flags("avx avx2 fma avx512f")),
                "AVX-512 foundation alone is not SkylakeX's instruction set");
    }

    @Test
    void anSse3FallbackIsRaisedToTheBestFamily() {
        assertEquals(Optional.of("SkylakeX"), OpenBlasFamily.better("Prescott", EMERALD_RAPIDS));
        assertEquals(Optional.of("SkylakeX"), OpenBlasFamily.better("Haswell", EMERALD_RAPIDS));
        assertEquals(Optional.of("Haswell"), OpenBlasFamily.better("Barcelona", ZEN3));
        assertEquals(Optional.of("Haswell"), OpenBlasFamily.better("sandybridge", ZEN3));
    }

    @Test
    void aFamilyAsGoodAsTheFlagsAllowOrUnknownIsKept() {
        assertEquals(Optional.empty(), OpenBlasFamily.better("Zen", ZEN3));
        assertEquals(Optional.empty(), OpenBlasFamily.better("Haswell", ZEN3));
        assertEquals(Optional.empty(), OpenBlasFamily.better("Cooperlake", EMERALD_RAPIDS));
        assertEquals(Optional.empty(), OpenBlasFamily.better("SapphireRapids", EMERALD_RAPIDS),
                "a name this table does not know comes from an OpenBLAS newer than it");
        assertEquals(Optional.empty(), OpenBlasFamily.better("Prescott", WESTMERE));
    }

    /** The bundled OpenBLAS answers with a family name of its own; which one depends on the machine. */
    @Test
    void theLoadedOpenBlasNamesItsFamily() {
        String picked = OpenBlasFamily.picked().orElseThrow();
        assertTrue(picked.matches("[A-Za-z0-9_]+"), picked);
    }
}
