package dev.clipig.clip.models;

import dev.clipig.weights.DType;
import dev.clipig.weights.WeightsConverter;
import dev.clipig.weights.WeightsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a model name into a weights file the model loads, the way Python's {@code clip.load}
 * does: a path is taken as is; a bundled model is extracted into the cache; a published model is
 * looked up in the cache, then in OpenAI's Python cache (converted once), and otherwise downloaded,
 * verified and converted.
 *
 * <p>Immutable; resolving touches only the cache folder and the network.
 */
public final class ModelCatalog {
    /** The model used when none is named. */
    public static final String DEFAULT_MODEL = "ViT-B/32";

    /** Overrides the cache folder ({@code ~/.cache/clipig} by default). */
    public static final String CACHE_ENV = "CLIPIG_CACHE";

    private static final String OPENAI_VIT_B_32 = "https://openaipublic.azureedge.net/clip/models/"
            + "40d365715913c9da98579312b702a82c18be219cc2a73407c4526f58eba950af/ViT-B-32.pt";
    private static final String OPENAI_VIT_B_16 = "https://openaipublic.azureedge.net/clip/models/"
            + "5806e77cd80f8b59890b7e101eabd078d9fb84e6937f9e85e4ecb61988df416f/ViT-B-16.pt";

    private final Map<String, ModelSource> models;
    private final Path cacheDir;
    private final Path openAiCacheDir;
    private final Downloader downloader;
    private final ResourceLookup resources;
    private final PrintStream log;

    private ModelCatalog(Builder b) {
        this.models = Map.copyOf(b.models);
        this.cacheDir = b.cacheDir;
        this.openAiCacheDir = b.openAiCacheDir;
        this.downloader = new Downloader(b.httpClient != null ? b.httpClient : Downloader.defaultClient(), b.log);
        this.resources = b.resources;
        this.log = b.log;
    }

    /** The standard models, the cache folders of this user, the network, progress on stderr. */
    public static ModelCatalog standard() {
        return builder().build();
    }

    /** A builder preset as {@link #standard()}, each part replaceable. */
    public static Builder builder() {
        return new Builder();
    }

    /** The cache folder: {@value #CACHE_ENV} if set, else {@code ~/.cache/clipig}. */
    static Path defaultCacheDir(Map<String, String> env, Path home) {
        String override = env.get(CACHE_ENV);
        return override != null && !override.isBlank() ? Path.of(override) : home.resolve(".cache/clipig");
    }

    /** The names {@link #resolve} knows, besides file paths. */
    public Set<String> names() {
        return models.keySet();
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /**
     * @param model a path to an existing weights file, or a known name ({@code /} and {@code -}
     *     are interchangeable: {@code ViT-B/32} is {@code ViT-B-32})
     * @return a weights file {@code ClipModel.load} reads
     * @throws WeightsException with one line saying what is missing and how to get it
     */
    public Path resolve(String model) {
        Objects.requireNonNull(model, "model");
        Path file = existingFile(model);
        if (file != null) return file;
        String name = knownName(model);
        ModelSource source = models.get(name);
        return source instanceof BundledModel bundled ? extract(name, bundled) : fetch(name, (PublishedModel) source);
    }

    private static Path existingFile(String model) {
        try {
            Path path = Path.of(model);
            return Files.isRegularFile(path) ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private String knownName(String model) {
        if (model.matches("RN\\d+(x\\d+)?")) {
            throw new WeightsException("model '" + model + "': CLIP's ResNet image encoders are not supported;"
                    + " use a ViT model such as " + DEFAULT_MODEL);
        }
        String wanted = model.replace('/', '-');
        return models.keySet().stream()
                .filter(name -> name.replace('/', '-').equals(wanted))
                .findFirst()
                .orElseThrow(() -> new WeightsException("unknown model '" + model + "': neither a file nor one of "
                        + String.join(", ", models.keySet().stream().sorted().toList())));
    }

    /** Copies a bundled model into the cache unless an identical copy is there already. */
    private Path extract(String name, BundledModel bundled) {
        Path target = cacheDir.resolve(bundled.fileName());
        ensureCacheDir();
        try {
            Digest resource;
            try (InputStream in = openResource(name, bundled)) {
                resource = Digest.of(in);
            }
            if (Files.isRegularFile(target) && Files.size(target) == resource.size()) {
                try (InputStream in = Files.newInputStream(target)) {
                    if (Digest.of(in).equals(resource)) return target;
                }
            }
            Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
            try (InputStream in = openResource(name, bundled)) {
                Files.copy(in, temporary);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return target;
        } catch (IOException e) {
            throw new WeightsException("cannot extract the bundled model " + name + " to " + target + ": "
                    + reason(e), e);
        }
    }

    private record Digest(long size, String sha256) {
        static Digest of(InputStream in) throws IOException {
            MessageDigest digest = Sha256.digest();
            long size = Sha256.update(digest, in);
            return new Digest(size, Sha256.hex(digest));
        }
    }

    private InputStream openResource(String name, BundledModel bundled) throws IOException {
        InputStream in = resources.open(bundled.resource());
        if (in == null) {
            throw new WeightsException("the bundled model " + name + " is missing: no resource "
                    + bundled.resource() + " on the class path");
        }
        return in;
    }

    /** The converted file in our cache, else OpenAI's cached checkpoint, else a download. */
    private Path fetch(String name, PublishedModel published) {
        Path converted = cacheDir.resolve(published.convertedName());
        if (Files.isRegularFile(converted)) return converted;
        Path openAiCopy = openAiCacheDir.resolve(published.fileName());
        if (Files.isRegularFile(openAiCopy)) return convert(openAiCopy, converted);
        ensureCacheDir();
        Path checkpoint;
        try {
            log.println("downloading " + name + " from " + published.url() + " to " + cacheDir);
            checkpoint = downloader.download(published.url(), published.sha256(), cacheDir.resolve(published.fileName()));
        } catch (IOException e) {
            throw new WeightsException("cannot download " + name + " (" + reason(e) + "): download "
                    + published.url() + " and put it at " + openAiCopy, e);
        }
        convert(checkpoint, converted);
        try {
            // Once converted the checkpoint is not read again; keeping it would double the disk used.
            Files.delete(checkpoint);
        } catch (IOException e) {
            log.println("could not delete " + checkpoint + " (" + reason(e) + ")");
        }
        return converted;
    }

    private Path convert(Path checkpoint, Path converted) {
        ensureCacheDir();
        log.println("converting " + checkpoint + " to " + converted + " (fp32, once)");
        WeightsConverter.convert(checkpoint, converted, DType.F32);
        return converted;
    }

    private void ensureCacheDir() {
        try {
            Files.createDirectories(cacheDir);
        } catch (IOException e) {
            throw new WeightsException("cannot create the cache folder " + cacheDir + " (set " + CACHE_ENV
                    + " to move it): " + reason(e), e);
        }
    }

    /** What went wrong, in a few words on one line: JDK network exceptions often have no message. */
    private static String reason(IOException e) {
        if (e instanceof ConnectException) return "cannot connect";
        if (e instanceof UnknownHostException || e.getCause() instanceof UnresolvedAddressException) {
            return "unknown host, no network?";
        }
        if (e instanceof HttpTimeoutException) return "timed out";
        String message = e.getMessage();
        return (message == null ? e.getClass().getSimpleName() : message).replaceAll("\\s+", " ");
    }

    /** Assembles a catalog; every part defaults to the standard one. */
    public static final class Builder {
        private final Map<String, ModelSource> models = new LinkedHashMap<>();
        private Path cacheDir;
        private Path openAiCacheDir;
        private HttpClient httpClient;
        private ResourceLookup resources = ResourceLookup.classpath();
        private PrintStream log = System.err;

        private Builder() {
            Path home = Path.of(System.getProperty("user.home"));
            cacheDir = defaultCacheDir(System.getenv(), home);
            openAiCacheDir = home.resolve(".cache/clip");
            models.put("toy-shapes", new BundledModel("dev/clipig/clip/models/toy-shapes.safetensors"));
            models.put("toy-shapes-b", new BundledModel("dev/clipig/clip/models/toy-shapes-b.safetensors"));
            models.put("toy-shapes-c", new BundledModel("dev/clipig/clip/models/toy-shapes-c.safetensors"));
            models.put(DEFAULT_MODEL, PublishedModel.openAi(OPENAI_VIT_B_32));
            models.put("ViT-B/16", PublishedModel.openAi(OPENAI_VIT_B_16));
        }

        /** Where converted and extracted models are kept. */
        public Builder cacheDir(Path dir) {
            this.cacheDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Where OpenAI's Python package keeps its downloads ({@code ~/.cache/clip}). */
        public Builder openAiCacheDir(Path dir) {
            this.openAiCacheDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        public Builder resources(ResourceLookup lookup) {
            this.resources = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /** Where progress bars and notes on downloads and conversions go (stderr by default). */
        public Builder log(PrintStream out) {
            this.log = Objects.requireNonNull(out, "out");
            return this;
        }

        /** Adds a named model, or replaces the one of that name. */
        public Builder model(String name, ModelSource source) {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("blank model name");
            models.put(name, Objects.requireNonNull(source, "source"));
            return this;
        }

        public ModelCatalog build() {
            return new ModelCatalog(this);
        }
    }
}
