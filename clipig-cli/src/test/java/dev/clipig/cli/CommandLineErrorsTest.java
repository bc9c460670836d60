package dev.clipig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed command lines and user mistakes each end in one line naming the option or file. */
class CommandLineErrorsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "render x.yaml --epochs 0         | render: Invalid value for option '--epochs': 0 is not a positive number",
        "render x.yaml --epochs many      | render: Invalid value for option '--epochs': 'many' is not a whole number",
        "bench --batch 0                  | bench: Invalid value for option '--batch': 0 is not a positive number",
        "bench --steps -1                 | bench: Invalid value for option '--steps': -1 is not a positive number",
        "rank r --name n --text t --runs 0 | rank: Invalid value for option '--runs': 0 is not a positive number",
        "tokenize --context 1 a           | tokenize: --context 1 leaves no room for the start and end tokens",
        "convert a.pt b.safetensors --dtype fp8 | convert: Invalid value for option '--dtype'",
        "render                           | render: Missing required parameter: 'CONFIG'",
        "render x.yaml --frobnicate       | render: Unknown option: '--frobnicate'",
    })
    void malformedCommandLinesFailInOneLineWithExitTwo(String args, String expectedStart) {
        CommandRun run = CommandRun.of(args.trim().split("\\s+"));
        assertEquals(2, run.exit(), run.err());
        String line = run.errorLine();
        assertTrue(line.startsWith(expectedStart), line);
        assertTrue(line.endsWith("--help)"), line);
    }

    @Test
    void convertTakesTheDtypeInEitherCase() {
        Path out = dir.resolve("a16.safetensors");
        CommandRun run = CommandRun.of("convert", ModelFixtures.model("a.pt").toString(), out.toString(), "--dtype", "FP16");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("(F16, "), run.out());
    }

    @Test
    void aUsersMistakeInAFileIsOneLineWithExitOne() {
        Path missing = dir.resolve("missing.pt");
        CommandRun run = CommandRun.of("convert", missing.toString(), dir.resolve("out.safetensors").toString());
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.errorLine().startsWith("convert: ") && run.errorLine().contains(missing.toString()),
                run.errorLine());
    }
}
