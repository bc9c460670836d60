package dev.clipig.clip.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.clip.ClipModel;
import dev.clipig.clip.ImageGradient;
import dev.clipig.clip.RandomWeights;
import dev.clipig.weights.ClipHyperParams;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Where a pass's results live: with the caller, in the caller's workspace if one is open. */
class WorkspacesTest {

    private static final ClipHyperParams P = new ClipHyperParams(6, 8, 2, 16, 2, 4, 4, 10, 16, 1, 1);
    private final ClipModel model = ClipModel.of(P, new RandomWeights(P, DataType.FLOAT, 7));
    private final INDArray pixels = Nd4j.randn(DataType.FLOAT, 2, 3, 8, 8);

    private ImageGradient gradient() {
        return model.imageGradient(pixels, f -> f.ulike().assign(1));
    }

    @Test
    void withoutAWorkspaceResultsAreOrdinaryArrays() {
        ImageGradient g = gradient();
        assertFalse(g.pixelGradient().isAttached());
        assertFalse(g.features().isAttached());
    }

    @Test
    void insideAReusedWorkspaceResultsLandInItAndAgreeWithOrdinaryOnes() {
        INDArray expected = gradient().pixelGradient();
        double[] sums = Workspaces.reused("test-step", () -> {
            INDArray inside = gradient().pixelGradient();
            assertTrue(inside.isAttached());
            assertEquals("test-step", inside.data().getParentWorkspace().getId());
            INDArray kept = Workspaces.outside(() -> inside.dup());
            assertFalse(kept.isAttached(), "outside() allocates in ordinary memory");
            return new double[] {inside.sub(expected).amaxNumber().doubleValue(), kept.sumNumber().doubleValue()};
        });
        assertEquals(0, sums[0], 0);
        assertEquals(expected.sumNumber().doubleValue(), sums[1], 1e-4);
    }
}
