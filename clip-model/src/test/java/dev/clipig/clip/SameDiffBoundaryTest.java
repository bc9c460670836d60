package dev.clipig.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The boundary between SameDiff's autodiff and the hand-differentiated encoder: a SameDiff
 * function f in front of the image encoder E, and the gradient of L(E(f(x))) with respect to x
 * obtained as SameDiff's gradient of the surrogate {@code sum(f(x) ⊙ G)}, where G is the
 * encoder's vector-Jacobian product fed as a placeholder. Checked against finite differences of
 * the whole composition.
 */
class SameDiffBoundaryTest {

    @Test
    void gradientThroughSameDiffAndTheEncoderMatchesFiniteDifferences() {
        Nd4j.getRandom().setSeed(11);
        ClipModel model = ClipModel.load(Fixtures.model("a.pt"));
        int r = model.imageResolution();
        INDArray target = Nd4j.randn(DataType.FLOAT, 1, model.hyperParams().embedDim());

        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, 2, 3, r, r);
        SDVariable g = sd.placeHolder("g", DataType.FLOAT, 2, 3, r, r);
        SDVariable f = sd.math.tanh(x.mul(1.5)).add(0.1).rename("f");
        f.mul(g).sum().rename("surrogate");
        sd.setLossVariables("surrogate");
        sd.createGradFunction("x");

        INDArray input = Nd4j.randn(DataType.FLOAT, 2, 3, r, r).muli(0.5);
        INDArray views = sd.output(Map.of("x", input, "g", input.ulike().assign(0)), "f").get("f");
        ImageGradient e = model.imageGradient(views, features -> target.broadcast(features.shape()).dup());
        INDArray gradient = sd.getFunction("grad")
                .output(Map.of("x", input, "g", e.pixelGradient()), "x-grad").get("x-grad");

        // Directional derivatives along random directions: in float32 a whole direction's change
        // stands far above rounding noise, where single-pixel differences do not.
        double h = 1e-2;
        for (int trial = 0; trial < 3; trial++) {
            INDArray direction = Nd4j.randn(DataType.FLOAT, input.shape());
            double up = objective(sd, model, input.add(direction.mul(h)), target);
            double down = objective(sd, model, input.sub(direction.mul(h)), target);
            double numeric = (up - down) / (2 * h);
            double analytic = gradient.castTo(DataType.DOUBLE).mul(direction.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
            assertEquals(numeric, analytic, 1e-2 * Math.abs(numeric), "direction " + trial);
        }
    }

    /** L = Σ E(f(x)) ⊙ target, in double for the differences. */
    private static double objective(SameDiff sd, ClipModel model, INDArray input, INDArray target) {
        INDArray views = sd.output(Map.of("x", input, "g", input.ulike().assign(0)), "f").get("f");
        return model.encodeImages(views).castTo(DataType.DOUBLE)
                .mul(target.castTo(DataType.DOUBLE).broadcast(2, target.size(1))).sumNumber().doubleValue();
    }
}
