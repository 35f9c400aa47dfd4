package io.github.npmrcguard.generate;

import java.util.Objects;

/**
 * One line for the build log. No message quotes a value from a config file: they name files, lines, keys,
 * variable names and registry URLs (which the generator refuses when they carry user info).
 *
 * @param level how to log it; {@link Level#ERROR} fails the build unless the user turned failing off
 * @param text  the line
 */
public record Message(Level level, String text) {
    /** How a message counts. */
    public enum Level {
        /** What was done or decided. */
        INFO,
        /** Something the user should fix, that does not stop the build. */
        WARNING,
        /** Something that fails the build (under {@code CI}: project config that is not up to date). */
        ERROR
    }

    public Message {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    static Message info(String text) {
        return new Message(Level.INFO, text);
    }

    static Message warning(String text) {
        return new Message(Level.WARNING, text);
    }

    static Message error(String text) {
        return new Message(Level.ERROR, text);
    }

    @Override
    public String toString() {
        return level + " " + text;
    }
}
