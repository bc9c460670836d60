package dev.clipig.studio;

import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.config.ConfigException;
import dev.clipig.core.config.ConfigLocation;
import dev.clipig.core.config.FeatureSpec;
import dev.clipig.core.config.InitSpec;
import dev.clipig.core.config.TargetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Config text from the page, read by the config reader. The image files it names (a start image, image
 * features) are paths relative to the workspace, resolved and confined like every other path from the
 * page; the command line reads them relative to the working directory instead.
 */
final class PageConfig {
    private PageConfig() {
    }

    /** The config, its image paths made absolute; any problem is a one-line {@link ConfigException}. */
    static ClipigConfig read(String text, String name, Workspace workspace) {
        ClipigConfig config = ClipigConfig.parse(text, name);
        InitSpec init = config.init();
        if (init.image().isPresent()) {
            init = new InitSpec(init.resolution(), init.mean(), init.std(),
                    Optional.of(inside(workspace, init.image().get(), name, "init.image")), init.imageTensor());
        }
        List<TargetSpec> targets = new ArrayList<>();
        for (int t = 0; t < config.targets().size(); t++) {
            TargetSpec target = config.targets().get(t);
            List<FeatureSpec> features = new ArrayList<>();
            for (int f = 0; f < target.features().size(); f++) {
                FeatureSpec feature = target.features().get(f);
                if (feature.image().isPresent()) {
                    String path = "targets[" + t + "].features[" + f + "].image";
                    feature = new FeatureSpec(feature.text(), Optional.of(inside(workspace, feature.image().get(),
                            name, path)), feature.window(), feature.weight(), feature.scale(), feature.loss());
                }
                features.add(feature);
            }
            targets.add(new TargetSpec(target.active(), target.name(), target.window(), target.weight(),
                    target.batchSize(), target.select(), target.featureScale(), features, target.transforms(),
                    target.constraints()));
        }
        return config.toBuilder().init(init).targets(targets).build();
    }

    private static String inside(Workspace workspace, String image, String source, String path) {
        try {
            return workspace.resolve(image).toString();
        } catch (RequestException e) {
            throw new ConfigException(new ConfigLocation(source, path, 0), e.getMessage());
        }
    }
}
