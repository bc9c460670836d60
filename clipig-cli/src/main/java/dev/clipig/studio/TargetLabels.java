package dev.clipig.studio;

import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.config.FeatureSpec;
import dev.clipig.core.config.TargetSpec;
import dev.clipig.core.expr.TrainingTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names under which the plots show each target's similarity. A step reports the similarities of
 * the targets that ran, in config order: the active ones whose start/end window holds the epoch.
 */
final class TargetLabels {
    /** The reader's name for a target that has none. */
    private static final String UNNAMED = "target";

    private final List<TargetSpec> targets = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();

    TargetLabels(ClipigConfig config) {
        Map<String, Integer> seen = new HashMap<>();
        for (TargetSpec target : config.targets()) {
            if (!target.active()) continue;
            String label = label(target);
            int n = seen.merge(label, 1, Integer::sum);
            targets.add(target);
            labels.add(n == 1 ? label : label + " (" + n + ")");
        }
    }

    /** The labels of the targets that ran at this epoch, in the order of the step's similarities. */
    List<String> at(int epoch, int epochs) {
        TrainingTime time = new TrainingTime(epoch, epochs);
        List<String> ran = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).window().contains(time)) ran.add(labels.get(i));
        }
        return ran;
    }

    /** A target's name, or for an unnamed one its first feature: what a user recognizes it by. */
    private static String label(TargetSpec target) {
        if (!target.name().equals(UNNAMED) || target.features().isEmpty()) return target.name();
        FeatureSpec first = target.features().get(0);
        return first.text().or(first::image).orElse(UNNAMED);
    }
}
