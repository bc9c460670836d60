package dev.clipig.experiments;

import dev.clipig.clip.ClipModel;
import dev.clipig.core.render.RenderListener;
import dev.clipig.core.render.RenderResult;
import dev.clipig.core.render.Renderer;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * One image of the concept grid, the unit of work: {@link ConceptGrid} renders its tasks one after
 * another, a cluster job spreads them over machines, and both render a task with {@link #render}.
 *
 * <p>A task renders into {@code concept/<method>/.partial/} and its image moves into the method's
 * folder only when it is finished, so whatever is there is complete; an image already there is
 * skipped, and a stopped one continues from the checkpoint its run left in {@code .partial/}.
 */
public record ConceptTask(Method method, Concept concept, long seed) {
    private static final String PARTIAL = ".partial";

    public ConceptTask {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(concept, "concept");
    }

    /** The finished image under the results folder, {@code concept/<method>/<animal>-<thing>.png}. */
    public String imagePath() {
        return "concept/" + method.name() + "/" + concept.fileName();
    }

    /** The checkpoint of a stopped run under the results folder. */
    public String checkpointPath() {
        return "concept/" + method.name() + "/" + PARTIAL + "/" + Renderer.checkpointOf(Path.of(concept.fileName()));
    }

    /** Skips, resumes or renders the image in {@code resultsDir}; the listener hears each rendered step. */
    public ConceptImage render(ClipModel model, Path resultsDir, RenderListener listener) {
        Objects.requireNonNull(model, "model");
        Path image = resultsDir.resolve(imagePath());
        if (Files.exists(image)) {
            return new ConceptImage(method.name(), concept, image, ConceptImage.Outcome.SKIPPED, Double.NaN, 0);
        }
        Path checkpoint = resultsDir.resolve(checkpointPath());
        Path partial = checkpoint.resolveSibling(concept.fileName());
        boolean resuming = Files.exists(checkpoint);
        createDirectories(partial.getParent());
        RenderResult result = Renderer.builder().config(method.forPrompt(concept.prompt())).model(model).seed(seed)
                .output(partial).resume(true).listener(listener).build().run();
        try {
            Files.move(partial, image, StandardCopyOption.ATOMIC_MOVE);
            // A finished image needs no checkpoint, and a grid's worth of them would outweigh the images.
            Files.deleteIfExists(checkpoint);
        } catch (IOException e) {
            throw new ExperimentException("cannot move " + partial + " to " + image + ": " + e.getMessage(), e);
        }
        removeIfEmpty(partial.getParent());
        double similarity = result.lastStep() == null ? Double.NaN : result.lastStep().meanSimilarity();
        return new ConceptImage(method.name(), concept, image,
                resuming ? ConceptImage.Outcome.RESUMED : ConceptImage.Outcome.RENDERED, similarity, result.seconds());
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ExperimentException("cannot create the folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void removeIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException stillInUse) {
            // another image's stopped run waits there
        } catch (IOException e) {
            throw new ExperimentException("cannot remove the folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
