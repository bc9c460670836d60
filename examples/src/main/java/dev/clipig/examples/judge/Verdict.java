package dev.clipig.examples.judge;

/** What the judge named in the render of a caption made with a seed. */
public record Verdict(int seed, Naming asked, Naming named) {

    public boolean colourRight() {
        return asked.colour().equals(named.colour());
    }

    public boolean shapeRight() {
        return asked.shape().equals(named.shape());
    }

    public boolean backgroundRight() {
        return asked.background().equals(named.background());
    }

    public boolean allRight() {
        return asked.equals(named);
    }
}
