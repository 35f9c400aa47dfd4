package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import java.util.List;

/**
 * One parsed file, as the rules see it: its path, kind, raw lines (comments included, numbered as stored)
 * and the settings its client reads.
 *
 * @param path     relative to the scan root, {@code /} separators
 * @param kind     the file's format
 * @param lines    the decoded lines; index 0 is line 1
 * @param settings the settings the format's parser found (empty when the file could not be parsed)
 * @param client   the package manager known to read this file from its folder ("pnpm", "yarn 1", ...), or
 *                 empty when unknown
 */
public record ConfigDocument(String path, FileKind kind, List<String> lines, List<Setting> settings, String client) {
    public ConfigDocument {
        lines = List.copyOf(lines);
        settings = List.copyOf(settings);
        client = client == null ? "" : client;
    }

    /** A document whose readers are not known. */
    public ConfigDocument(String path, FileKind kind, List<String> lines, List<Setting> settings) {
        this(path, kind, lines, settings, "");
    }

    /** The dialect of placeholders in this file. */
    public Dialect dialect() {
        return Dialect.of(kind);
    }

    /** The raw text of a 1-based line, or an empty string past the end. */
    public String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }

    @Override
    public String toString() {
        return "ConfigDocument[" + path + ", " + kind + ", " + lines.size() + " lines]";
    }
}
