package dev.clipig.examples.judge;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a picture of the toy world shows, or what its caption says: a colour, a shape and a background. */
public record Naming(String colour, String shape, String background) {
    public static final List<String> COLOURS = List.of("red", "green", "blue", "yellow");
    public static final List<String> SHAPES = List.of("circle", "square", "triangle");
    public static final List<String> BACKGROUNDS = List.of("white", "black", "gray");

    private static final Pattern CAPTION = Pattern.compile("a (\\w+) (\\w+) on (\\w+)");

    public Naming {
        check("colour", colour, COLOURS);
        check("shape", shape, SHAPES);
        check("background", background, BACKGROUNDS);
    }

    /** The naming a caption of the toy world states, e.g. "a red circle on white". */
    public static Naming ofCaption(String caption) {
        Matcher m = CAPTION.matcher(caption);
        if (!m.matches()) {
            throw new JudgeException("'" + caption + "' is not a caption of the toy world (a COLOUR SHAPE on BACKGROUND)");
        }
        return new Naming(m.group(1), m.group(2), m.group(3));
    }

    public String caption() {
        return "a " + colour + " " + shape + " on " + background;
    }

    private static void check(String part, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new JudgeException("'" + value + "' is not a " + part + " of the toy world; they are " + allowed);
        }
    }
}
