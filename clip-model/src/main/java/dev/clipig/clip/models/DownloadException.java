package dev.clipig.clip.models;

import java.io.IOException;

/** A download that reached the server but did not give the expected bytes; the message says how. */
final class DownloadException extends IOException {
    private static final long serialVersionUID = 1L;

    DownloadException(String message) {
        super(message);
    }
}
