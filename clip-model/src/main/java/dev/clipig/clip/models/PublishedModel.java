package dev.clipig.clip.models;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A checkpoint published at a URL, with the SHA-256 its bytes must have.
 *
 * @param url where the checkpoint is downloaded from; its last path segment is the file name
 * @param sha256 the expected digest, 64 lowercase hex digits
 */
public record PublishedModel(URI url, String sha256) implements ModelSource {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public PublishedModel {
        if (url == null || url.getPath() == null || url.getPath().endsWith("/")) {
            throw new IllegalArgumentException("not a file URL: " + url);
        }
        sha256 = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in hex: '" + sha256 + "'");
        }
    }

    /**
     * One of OpenAI's CLIP releases, whose URLs read {@code .../<sha256>/<name>.pt}: the digest
     * is taken from the URL, as OpenAI's own loader does.
     */
    public static PublishedModel openAi(String url) {
        String[] segments = URI.create(url).getPath().split("/");
        if (segments.length < 2) {
            throw new IllegalArgumentException("no digest in OpenAI URL " + url);
        }
        return new PublishedModel(URI.create(url), segments[segments.length - 2]);
    }

    @Override
    public String fileName() {
        String path = url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The name of the converted file: the checkpoint's name with {@code .safetensors}. */
    public String convertedName() {
        String name = fileName();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".safetensors";
    }
}
