package dev.clipig.studio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Text written beside its file and then moved into place, so that no reader ever sees half of it. */
final class AtomicWrite {
    private AtomicWrite() {
    }

    static void text(Path file, String text) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), ".studio", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
