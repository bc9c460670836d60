package dev.clipig.experiments;

import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.config.FeatureSpec;
import dev.clipig.core.config.TargetSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A way of rendering a prompt: a config whose text features are the prompt's placeholder. The
 * shipped ones are CLIPig's two methods ({@code examples/configs/method1.yaml}, {@code method2.yaml})
 * and method 3 ({@code method3.yaml}: the toy recipe's techniques for real CLIP), also packed into the
 * jar; the name is the folder the experiments write the method's images to.
 */
public record Method(String name, ClipigConfig config) {
    /** The shipped methods are numbered 1 to this. */
    public static final int SHIPPED = 3;

    public Method {
        FolderName.check("method", name);
        Objects.requireNonNull(config, "config");
        boolean hasText = config.targets().stream()
                .flatMap(target -> target.features().stream())
                .anyMatch(feature -> feature.text().isPresent());
        if (!hasText) {
            throw new ExperimentException("method " + name + " (" + config.sourceName() + ") has no text feature"
                    + " to put a prompt into");
        }
    }

    /** The shipped methods' names, {@code method1} to {@code method3}, in their order. */
    public static List<String> shippedNames() {
        return IntStream.rangeClosed(1, SHIPPED).mapToObj(number -> "method" + number).toList();
    }

    /** A shipped method by its name, {@code method1}, {@code method2} or {@code method3}. */
    public static Method shipped(String name) {
        int index = shippedNames().indexOf(name);
        if (index < 0) {
            throw new ExperimentException("there is no method '" + name + "'; the methods are method1, method2 and method3");
        }
        return shipped(index + 1);
    }

    /** CLIPig's method 1 or 2, or method 3, named {@code method1}, {@code method2}, {@code method3}. */
    public static Method shipped(int number) {
        if (number < 1 || number > SHIPPED) {
            throw new ExperimentException("there is no method " + number + "; the methods are 1, 2 and 3");
        }
        String file = "method" + number + ".yaml";
        try (InputStream in = Method.class.getResourceAsStream(file)) {
            if (in == null) throw new ExperimentException("the jar lacks its resource " + file);
            return new Method(shippedNames().get(number - 1),
                    ClipigConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), file));
        } catch (IOException e) {
            throw new ExperimentException("cannot read the resource " + file + ": " + e.getMessage(), e);
        }
    }

    /** The same method with another number of epochs (every schedule stretches with it). */
    public Method withEpochs(int epochs) {
        if (epochs < 1) throw new ExperimentException("epochs must be at least 1, got " + epochs);
        return new Method(name, config.withEpochs(epochs));
    }

    /** The config with every text feature's text replaced by the prompt; weights, windows and losses stay. */
    public ClipigConfig forPrompt(String prompt) {
        if (prompt == null || prompt.isBlank()) throw new ExperimentException("the prompt is empty");
        List<TargetSpec> targets = config.targets().stream().map(target -> new TargetSpec(target.active(),
                target.name(), target.window(), target.weight(), target.batchSize(), target.select(),
                target.featureScale(), target.features().stream().map(f -> withText(f, prompt)).toList(),
                target.transforms(), target.constraints())).toList();
        return config.toBuilder().targets(targets).build();
    }

    private static FeatureSpec withText(FeatureSpec feature, String prompt) {
        if (feature.text().isEmpty()) return feature;
        return new FeatureSpec(Optional.of(prompt), feature.image(), feature.window(), feature.weight(),
                feature.scale(), feature.loss());
    }
}
