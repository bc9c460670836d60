package dev.clipig.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.ClipigException;
import dev.clipig.weights.ClipHyperParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** An ensemble deals a batch's views among its models and differentiates each view through its own model. */
class ClipEnsembleTest {

    private static final ClipHyperParams P = new ClipHyperParams(6, 8, 2, 16, 2, 4, 4, 10, 16, 1, 1);
    private final List<ClipModel> opened = new ArrayList<>();

    private ClipModel model(long seed) {
        ClipModel m = ClipModel.of(P, new RandomWeights(P, DataType.DOUBLE, seed));
        opened.add(m);
        return m;
    }

    @AfterEach
    void close() {
        opened.forEach(ClipModel::close);
    }

    private static INDArray pixels(int views) {
        Nd4j.getRandom().setSeed(views);
        return Nd4j.randn(DataType.DOUBLE, views, 3, 8, 8);
    }

    /** A per-view loss of each model: features · w_m, w_m a fixed direction of model m's own. */
    private static INDArray direction(int model) {
        Nd4j.getRandom().setSeed(100 + model);
        return Nd4j.randn(DataType.DOUBLE, 1, 6);
    }

    private static INDArray rows(INDArray a, long[] range) {
        return a.get(NDArrayIndex.interval(range[0], range[1]), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()).dup();
    }

    @Test
    void eachBlockOfViewsIsDifferentiatedByItsOwnModelAndTheModelsAreAskedInOrder() {
        // Three models on this machine's lanes (two on CI): a lane then runs parts of two models' blocks.
        List<ClipModel> models = List.of(model(1), model(2), model(3));
        INDArray pixels = pixels(7);
        List<Integer> asked = new ArrayList<>();
        INDArray gradient;
        try (ClipEnsemble ensemble = ClipEnsemble.of(models)) {
            gradient = ensemble.imageGradient(pixels, (m, features) -> {
                asked.add(m);
                long[] range = ensemble.viewsOf(m, 7);
                assertClose(models.get(m).encodeImages(rows(pixels, range)), features);
                return features.ulike().assign(0).addRowVector(direction(m));
            });
            assertEquals(List.of(0, 1, 2), asked);
            for (int m = 0; m < 3; m++) {
                int model = m;
                long[] range = ensemble.viewsOf(m, 7);
                INDArray alone = models.get(m).imageGradient(rows(pixels, range),
                        f -> f.ulike().assign(0).addRowVector(direction(model))).pixelGradient();
                assertClose(alone, rows(gradient, range));
            }
        }
    }

    @Test
    void anEnsembleOfAModelWithItselfGivesThatModelsGradient() {
        ClipModel one = model(4);
        INDArray pixels = pixels(6);
        INDArray alone = one.imageGradient(pixels, f -> f.mul(f)).pixelGradient();
        try (ClipEnsemble twice = ClipEnsemble.of(List.of(one, one))) {
            assertClose(alone, twice.imageGradient(pixels, (m, f) -> f.mul(f)));
        }
    }

    @Test
    void theGradientMatchesFiniteDifferencesOfTheJoinedLoss() {
        List<ClipModel> models = List.of(model(5), model(6));
        INDArray pixels = pixels(5);
        try (ClipEnsemble ensemble = ClipEnsemble.of(models)) {
            INDArray gradient = ensemble.imageGradient(pixels, (m, f) -> f.ulike().assign(0).addRowVector(direction(m)));
            Nd4j.getRandom().setSeed(7);
            INDArray step = Nd4j.randn(DataType.DOUBLE, 5, 3, 8, 8);
            double h = 1e-5;
            double numeric = (loss(ensemble, pixels.add(step.mul(h))) - loss(ensemble, pixels.sub(step.mul(h)))) / (2 * h);
            double analytic = gradient.mul(step).sumNumber().doubleValue();
            assertEquals(numeric, analytic, 1e-7 * Math.max(1, Math.abs(numeric)));
        }
    }

    /** Σ over models Σ over its views of features · w_m. */
    private static double loss(ClipEnsemble ensemble, INDArray pixels) {
        double sum = 0;
        for (int m = 0; m < ensemble.size(); m++) {
            INDArray features = ensemble.models().get(m).encodeImages(rows(pixels, ensemble.viewsOf(m, pixels.size(0))));
            sum += features.mmul(direction(m).transpose()).sumNumber().doubleValue();
        }
        return sum;
    }

    @Test
    void aModelDealtNoViewIsNotAsked() {
        List<ClipModel> models = List.of(model(1), model(2), model(3));
        List<Integer> asked = new ArrayList<>();
        try (ClipEnsemble ensemble = ClipEnsemble.of(models)) {
            INDArray gradient = ensemble.imageGradient(pixels(2), (m, f) -> {
                asked.add(m);
                return f;
            });
            assertEquals(List.of(1, 2), asked);
            assertEquals(2, gradient.size(0));
        }
    }

    @Test
    void modelsOfDifferentImageSizesAreRefused() {
        ClipHyperParams big = new ClipHyperParams(6, 12, 2, 16, 2, 4, 4, 10, 16, 1, 1);
        ClipModel other = ClipModel.of(big, new RandomWeights(big, DataType.FLOAT, 1));
        opened.add(other);
        ClipigException e = assertThrows(ClipigException.class, () -> ClipEnsemble.of(List.of(model(1), other)));
        assertEquals("an ensemble's models must take images of one size; they take 8 px, 12 px", e.getMessage());
    }

    private static void assertClose(INDArray expected, INDArray actual) {
        assertEquals(Arrays.toString(expected.shape()), Arrays.toString(actual.shape()));
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(diff <= 1e-9 * scale, "max difference " + diff);
    }
}
