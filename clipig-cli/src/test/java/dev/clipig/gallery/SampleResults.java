package dev.clipig.gallery;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A small results folder as the experiment drivers lay it out: two animals by two things by the
 * three methods, with one image missing in method 2 and only one image in method 3, and one ranking of four runs, two of them continued.
 */
final class SampleResults {
    static final String CSV = """
            run,seed,sim_short,sim_full
            run-0,11,0.2510,
            run-1,12,0.2790,0.3312
            run-2,13,0.2402,
            run-3,14,0.2701,0.3420
            """;

    private SampleResults() {
    }

    static Path create(Path dir) throws IOException {
        int shade = 0;
        for (String method : new String[] {"method1", "method2"}) {
            for (String animal : new String[] {"cat", "pig"}) {
                for (String thing : new String[] {"basil", "coral-reef"}) {
                    if (method.equals("method2") && animal.equals("pig") && thing.equals("basil")) continue;
                    png(dir.resolve("concept/" + method + "/" + animal + "-" + thing + ".png"), shade += 30);
                }
            }
        }
        Files.createDirectories(dir.resolve("rank/a-red-apple"));
        Files.writeString(dir.resolve("rank/a-red-apple/ranking.csv"), CSV);
        png(dir.resolve("rank/a-red-apple/run-1.png"), 200);
        png(dir.resolve("rank/a-red-apple/run-3.png"), 220);
        png(dir.resolve("concept/method3/pig-coral-reef.png"), 250);
        return dir;
    }

    private static void png(Path file, int shade) throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, new Color(shade % 256, (x * 32) % 256, (y * 32) % 256).getRGB());
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
