package dev.clipig.cli;

import dev.clipig.clip.tokenizer.ClipTokenizer;
import dev.clipig.clip.tokenizer.Overflow;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clipig tokenize [--file F] [TEXT...]}: CLIP's token ids, one line per text. */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = {"Prints the ids CLIP's tokenizer gives each text, start and end tokens included,"
                + " space-separated, one line per text, without padding.",
            "Texts are the TEXT arguments, then the lines of --file; with neither, the lines of standard input."})
public final class TokenizeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "texts to tokenize")
    private List<String> texts = new ArrayList<>();

    @Option(names = "--file", paramLabel = "F", description = "a UTF-8 file with one text per line")
    private Path file;

    @Option(names = "--context", paramLabel = "N", defaultValue = "77",
            description = "most ids per text, start and end included (default: ${DEFAULT-VALUE})")
    private int context;

    @Option(names = "--truncate", description = "cut longer texts to the context, ending with the end token,"
            + " instead of failing")
    private boolean truncate;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (context < 2) {
            throw new ParameterException(spec.commandLine(),
                    "--context " + context + " leaves no room for the start and end tokens");
        }
        List<String> all = new ArrayList<>(texts);
        if (file != null) {
            all.addAll(LinesFile.read("--file", file));
        } else if (texts.isEmpty()) {
            all.addAll(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().toList());
        }
        ClipTokenizer tokenizer = ClipTokenizer.standard();
        Overflow overflow = truncate ? Overflow.TRUNCATE : Overflow.REJECT;
        PrintWriter out = spec.commandLine().getOut();
        for (String text : all) {
            int[] ids = tokenizer.tokens(text, context, overflow);
            out.println(Arrays.stream(ids).mapToObj(Integer::toString).collect(Collectors.joining(" ")));
        }
        out.flush();
        return 0;
    }
}
