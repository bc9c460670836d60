package dev.clipig.studio;

import dev.clipig.core.render.StepReport;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step's figures for the plots: the loss, the learning rate and each target's similarity (100 ×
 * cosine, the mean over its features).
 */
record StepPoint(int epoch, double loss, double learnrate, Map<String, Double> similarity, double seconds) {

    StepPoint {
        similarity = Collections.unmodifiableMap(new LinkedHashMap<>(similarity));
    }

    static StepPoint of(StepReport step, List<String> targets) {
        Map<String, Double> similarity = new LinkedHashMap<>();
        List<double[]> perTarget = step.similarities();
        for (int i = 0; i < perTarget.size() && i < targets.size(); i++) {
            similarity.put(targets.get(i), Arrays.stream(perTarget.get(i)).average().orElse(Double.NaN));
        }
        return new StepPoint(step.epoch(), step.loss(), step.learnrate(), similarity, step.seconds());
    }

    /** The JSON object the page plots, one line of a run's {@code steps.jsonl}. */
    String json() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("epoch", epoch);
        fields.put("loss", loss);
        fields.put("learnrate", learnrate);
        fields.put("similarity", similarity);
        fields.put("seconds", seconds);
        return Json.write(fields);
    }
}
