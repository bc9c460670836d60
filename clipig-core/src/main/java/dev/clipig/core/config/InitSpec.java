package dev.clipig.core.config;

import java.util.List;
import java.util.Optional;

/**
 * How the pixels start: normal noise of the given per-channel mean and std, or an image; optionally made
 * at {@code resolution} first and then scaled to the training resolution.
 *
 * @param resolution  {@code [width, height]} of the noise or image before scaling, if set
 * @param mean        per-channel mean (RGB)
 * @param std         per-channel standard deviation (RGB)
 * @param image       path of a start image, if set
 * @param imageTensor start pixels given inline, if set
 */
public record InitSpec(Optional<List<Integer>> resolution, List<Double> mean, List<Double> std,
                       Optional<String> image, Optional<ImageTensor> imageTensor) {

    public static final InitSpec DEFAULT = new InitSpec(Optional.empty(), List.of(0.5, 0.5, 0.5),
            List.of(0.1, 0.1, 0.1), Optional.empty(), Optional.empty());

    public InitSpec {
        resolution = resolution.map(List::copyOf);
        mean = List.copyOf(mean);
        std = List.copyOf(std);
    }
}
