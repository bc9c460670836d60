package dev.clipig.examples.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.core.config.ClipigConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipeJudgingTest {
    @TempDir
    Path temp;

    @Test
    void theShippedRecipeDepictsColourAndBackgroundOfMostCaptionsInAQuarterOfItsEpochs() {
        ToyJudge judge = ToyJudge.load(ToyJudgeTest.WEIGHTS);
        ClipigConfig recipe = ClipigConfig.load(Path.of("configs/toy-shapes.yaml"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        // 50 of the recipe's 200 epochs: colour 12, background 12 and whole captions 7 of 12 on the machine
        // of docs/toy-judge.md, where the round-one recipe got 7, 6 and 3 with all 200. The margin allows
        // other CPUs' rounding.
        Scorecard card = RecipeJudging.rate(judge, recipe, temp, 50, 1, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertTrue(card.count(Verdict::colourRight) >= 10, card.table());
        assertTrue(card.count(Verdict::backgroundRight) >= 10, card.table());
        assertTrue(card.count(Verdict::allRight) >= 4, card.table());

        assertEquals(12, card.verdicts().size());
        for (int i = 0; i < 12; i++) {
            Verdict verdict = card.verdicts().get(i);
            assertEquals(i + 1, verdict.seed());
            assertEquals(RecipeJudging.CAPTIONS.get(i), verdict.asked());
            Path png = temp.resolve(String.format("%02d-%s.png", i + 1, verdict.asked().caption().replace(' ', '-')));
            assertEquals(verdict.named(), judge.name(ToyJudge.read(png)), "the verdict is the judge's naming of " + png);
        }
        List<String> rows = card.table().strip().lines().toList();
        assertEquals(14, rows.size(), card.table());
        assertTrue(rows.get(1).startsWith("1     a red circle on white       a "), rows.get(1));
        long whole = card.count(Verdict::allRight);
        assertTrue(rows.get(13).endsWith("whole caption " + whole + "/12"), rows.get(13));
        assertEquals(card.verdicts().stream().filter(v -> v.colourRight() && v.shapeRight() && v.backgroundRight())
                .count(), whole);
        assertEquals(12, log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(": judged a ")).count());
    }

    @Test
    void anotherSeedSetRendersTheSameCaptionsWithItsOwnSeeds() {
        ToyJudge judge = ToyJudge.load(ToyJudgeTest.WEIGHTS);
        ClipigConfig recipe = ClipigConfig.load(Path.of("configs/toy-shapes.yaml"));
        // Four epochs, not one: the recipe grows from 16 px and reaches the judge's 64 px in its last quarter.
        Scorecard card = RecipeJudging.rate(judge, recipe, temp, 4, 101, new PrintStream(new ByteArrayOutputStream(),
                true, StandardCharsets.UTF_8));
        for (int i = 0; i < 12; i++) {
            Verdict verdict = card.verdicts().get(i);
            assertEquals(101 + i, verdict.seed());
            assertEquals(RecipeJudging.CAPTIONS.get(i), verdict.asked());
            assertTrue(Files.exists(temp.resolve(String.format("%d-%s.png", 101 + i,
                    verdict.asked().caption().replace(' ', '-')))), "rendered with seed " + (101 + i));
        }
    }

    @Test
    void aVerdictIsRightPartByPart() {
        Verdict verdict = new Verdict(1, Naming.ofCaption("a red circle on white"), Naming.ofCaption("a red square on white"));
        assertTrue(verdict.colourRight() && !verdict.shapeRight() && verdict.backgroundRight() && !verdict.allRight());
        Scorecard card = new Scorecard(List.of(verdict, new Verdict(2, verdict.asked(), verdict.asked())));
        assertEquals("colour 2/2, shape 1/2, background 2/2, whole caption 1/2", card.totals());
    }
}
