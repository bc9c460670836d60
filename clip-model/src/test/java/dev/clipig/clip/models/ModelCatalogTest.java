package dev.clipig.clip.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clipig.weights.WeightsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Name resolution of {@link ModelCatalog} that needs no network. */
class ModelCatalogTest {
    private static final String TOY = "dev/clipig/clip/models/toy-shapes.safetensors";
    private static final byte[] TOY_BYTES = "not really weights, but bytes to extract".getBytes();

    @TempDir
    Path temp;

    private final AtomicInteger opened = new AtomicInteger();

    private ModelCatalog catalog(ResourceLookup resources) {
        return ModelCatalog.builder()
                .cacheDir(temp.resolve("cache"))
                .openAiCacheDir(temp.resolve("openai"))
                .resources(resources)
                .log(new PrintStream(OutputStream.nullOutputStream()))
                .build();
    }

    private ModelCatalog catalog() {
        return catalog(name -> {
            if (!name.equals(TOY)) return null;
            opened.incrementAndGet();
            return new ByteArrayInputStream(TOY_BYTES);
        });
    }

    @Test
    void anExistingFileIsItself() throws IOException {
        Path file = Files.writeString(temp.resolve("mine.safetensors"), "x");

        assertEquals(file, catalog().resolve(file.toString()));
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        WeightsException e = assertThrows(WeightsException.class, () -> catalog().resolve("ViT-L/14"));

        assertEquals("unknown model 'ViT-L/14': neither a file nor one of ViT-B/16, ViT-B/32, toy-shapes, toy-shapes-b, toy-shapes-c", e.getMessage());
    }

    @Test
    void theBundledModelIsExtractedOnce() throws IOException {
        ModelCatalog catalog = catalog();
        Path extracted = catalog.resolve("toy-shapes");
        assertEquals(temp.resolve("cache/toy-shapes.safetensors"), extracted);
        assertArrayEquals(TOY_BYTES, Files.readAllBytes(extracted));
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(extracted, old);

        assertEquals(extracted, catalog.resolve("toy-shapes"));
        assertEquals(old, Files.getLastModifiedTime(extracted), "an identical copy is not written again");
    }

    @Test
    void aDamagedExtractedCopyIsReplaced() throws IOException {
        ModelCatalog catalog = catalog();
        Path extracted = catalog.resolve("toy-shapes");
        byte[] damaged = TOY_BYTES.clone();
        damaged[3] ^= 1;
        Files.write(extracted, damaged);

        catalog.resolve("toy-shapes");

        assertArrayEquals(TOY_BYTES, Files.readAllBytes(extracted));
    }

    @Test
    void aMissingBundledResourceIsNamed() {
        WeightsException e = assertThrows(WeightsException.class, () -> catalog(name -> null).resolve("toy-shapes"));

        assertEquals("the bundled model toy-shapes is missing: no resource " + TOY + " on the class path",
                e.getMessage());
    }

    @Test
    void slashAndDashNamesAreTheSameModel() throws IOException {
        Files.createDirectories(temp.resolve("cache"));
        Path converted = Files.writeString(temp.resolve("cache/ViT-B-32.safetensors"), "cached");
        ModelCatalog catalog = catalog();

        assertEquals(converted, catalog.resolve(ModelCatalog.DEFAULT_MODEL));
        assertEquals(converted, catalog.resolve("ViT-B-32"));
    }

    @Test
    void vitB16ForEnsemblesIsKnownAndCachedUnderItsOwnName() throws IOException {
        Files.createDirectories(temp.resolve("cache"));
        Path converted = Files.writeString(temp.resolve("cache/ViT-B-16.safetensors"), "cached");

        assertEquals(converted, catalog().resolve("ViT-B/16"));
    }

    @Test
    void vitB32IsOpenAisPublishedCheckpoint() {
        PublishedModel vit = PublishedModel.openAi("https://openaipublic.azureedge.net/clip/models/"
                + "40d365715913c9da98579312b702a82c18be219cc2a73407c4526f58eba950af/ViT-B-32.pt");

        assertEquals("40d365715913c9da98579312b702a82c18be219cc2a73407c4526f58eba950af", vit.sha256());
        assertEquals("ViT-B-32.pt", vit.fileName());
        assertEquals("ViT-B-32.safetensors", vit.convertedName());
        assertThrows(IllegalArgumentException.class,
                () -> new PublishedModel(URI.create("https://example.org/a.pt"), "abc"));
    }

    @Test
    void theCacheFolderCanBeMovedByTheEnvironment() {
        Path home = Path.of("/home/someone");

        assertEquals(home.resolve(".cache/clipig"), ModelCatalog.defaultCacheDir(Map.of(), home));
        assertEquals(Path.of("/data/models"),
                ModelCatalog.defaultCacheDir(Map.of(ModelCatalog.CACHE_ENV, "/data/models"), home));
    }

    @Test
    void lookingUpTheBundledModelReadsItTwiceAtMost() {
        ModelCatalog catalog = catalog();
        catalog.resolve("toy-shapes");
        int firstTime = opened.get();
        catalog.resolve("toy-shapes");

        assertEquals(2, firstTime, "digest, then copy");
        assertEquals(3, opened.get(), "only the digest once the copy is there");
        assertTrue(Files.exists(temp.resolve("cache/toy-shapes.safetensors")));
    }
}
