package dev.clipig.studio;

/** A request the studio refuses: its HTTP status and a one-line reason for the page. */
final class RequestException extends RuntimeException {
    private final int status;

    RequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static RequestException badRequest(String message) {
        return new RequestException(400, message);
    }

    static RequestException forbidden(String message) {
        return new RequestException(403, message);
    }

    static RequestException notFound(String message) {
        return new RequestException(404, message);
    }

    static RequestException conflict(String message) {
        return new RequestException(409, message);
    }
}
