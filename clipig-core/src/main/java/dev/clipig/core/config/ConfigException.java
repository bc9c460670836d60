package dev.clipig.core.config;

import dev.clipig.ClipigException;

/**
 * A config that cannot be used: unknown key, wrong type, bad value or bad expression. The message is
 * one line, {@code file:line: yaml.path: what is wrong}.
 */
public final class ConfigException extends ClipigException {

    private final ConfigLocation location;
    private final String reason;

    public ConfigException(ConfigLocation location, String reason) {
        super(location + ": " + reason);
        this.location = location;
        this.reason = reason;
    }

    public ConfigLocation location() {
        return location;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }
}
