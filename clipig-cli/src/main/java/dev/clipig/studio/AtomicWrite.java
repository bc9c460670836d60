package dev.clipig.studio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Text written beside its file and then moved into place, so that no reader ever sees half of it. The
 * file keeps its permissions (a temporary file is private to its owner); a new one is readable by all,
 * as an editor would make it.
 */
final class AtomicWrite {
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicWrite() {
    }

    static void text(Path file, String text) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), ".studio", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(temp, Files.exists(file) ? Files.getPosixFilePermissions(file) : NEW_FILE);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
