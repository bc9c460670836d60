package dev.clipig.clip.models;

/** Where the weights of a named model come from. */
public sealed interface ModelSource permits BundledModel, PublishedModel {

    /** The file name the weights are cached under. */
    String fileName();
}
