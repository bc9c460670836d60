package dev.clipig.examples.judge;

import dev.clipig.ClipigException;
import dev.clipig.clip.ClipModel;
import dev.clipig.clip.models.ModelCatalog;
import dev.clipig.core.config.ClipigConfig;
import dev.clipig.core.render.Renderer;
import dev.clipig.experiments.Method;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rates a toy recipe the way issue 18's bar does: the recipe renders twelve captions (only its text
 * changed, the i-th caption with seed i, {@code --model toy-shapes}, no other options) and the judge
 * names each render's colour, shape and background.
 * <pre>
 * java -cp examples/target/clipig.jar dev.clipig.examples.judge.RecipeJudging \
 *     fixtures/judge/toy-judge.npz examples/configs/toy-shapes.yaml renders/ [EPOCHS] [--first-seed N]
 * </pre>
 * Prints the per-caption table and the totals; EPOCHS, if given, replaces the recipe's. With
 * {@code --first-seed N} the i-th caption renders with seed N + i - 1: one seed set is a noisy sample
 * (docs/toy-judge.md saw a recipe score 10 of 12 on the bar's seeds and 4 on the next set), so recipes
 * are compared on several.
 */
public final class RecipeJudging {
    /** Every colour three times, every shape and background four times, every colour with every background. */
    public static final List<Naming> CAPTIONS = List.of(
            new Naming("red", "circle", "white"), new Naming("green", "square", "white"),
            new Naming("blue", "triangle", "white"), new Naming("yellow", "circle", "white"),
            new Naming("red", "square", "black"), new Naming("green", "triangle", "black"),
            new Naming("blue", "circle", "black"), new Naming("yellow", "square", "black"),
            new Naming("red", "triangle", "gray"), new Naming("green", "circle", "gray"),
            new Naming("blue", "square", "gray"), new Naming("yellow", "triangle", "gray"));

    private RecipeJudging() {
    }

    public static void main(String[] args) {
        List<String> positional = new ArrayList<>(List.of(args));
        int flag = positional.indexOf("--first-seed");
        String firstSeed = "1";
        if (flag >= 0 && flag + 1 < positional.size()) {
            firstSeed = positional.remove(flag + 1);
            positional.remove(flag);
        }
        if (positional.size() < 3 || positional.size() > 4 || positional.contains("--first-seed")) {
            System.err.println("usage: RecipeJudging JUDGE.npz RECIPE.yaml OUT_DIR [EPOCHS] [--first-seed N]");
            System.exit(2);
        }
        try {
            Integer epochs = positional.size() == 4 ? Integer.valueOf(positional.get(3)) : null;
            Scorecard card = rate(ToyJudge.load(Path.of(positional.get(0))), ClipigConfig.load(Path.of(positional.get(1))),
                    Path.of(positional.get(2)), epochs, Integer.parseInt(firstSeed), System.out);
            System.out.print(card.table());
        } catch (NumberFormatException e) {
            System.err.println("EPOCHS and the first seed are whole numbers: " + e.getMessage());
            System.exit(2);
        } catch (ClipigException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Renders the twelve captions into {@code folder} (seed {@code firstSeed + i - 1} for the i-th) and
     * judges them; {@code epochs} may be null.
     */
    public static Scorecard rate(ToyJudge judge, ClipigConfig recipe, Path folder, Integer epochs, int firstSeed,
                                 PrintStream log) {
        Method method = new Method("recipe", recipe);
        if (epochs != null) method = method.withEpochs(epochs);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        List<Verdict> verdicts = new ArrayList<>();
        try (ClipModel clip = ClipModel.load(ModelCatalog.standard().resolve("toy-shapes"))) {
            for (int i = 0; i < CAPTIONS.size(); i++) {
                Naming asked = CAPTIONS.get(i);
                int seed = firstSeed + i;
                Path png = folder.resolve(String.format("%02d-%s.png", seed, asked.caption().replace(' ', '-')));
                double seconds = Renderer.builder().config(method.forPrompt(asked.caption())).model(clip).seed(seed)
                        .output(png).build().run().seconds();
                Verdict verdict = new Verdict(seed, asked, judge.name(ToyJudge.read(png)));
                log.printf(java.util.Locale.ROOT, "%s: judged %s (%.1f s)%n", png.getFileName(),
                        verdict.named().caption(), seconds);
                verdicts.add(verdict);
            }
        }
        return new Scorecard(verdicts);
    }
}
