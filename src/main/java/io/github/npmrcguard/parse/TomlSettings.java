package io.github.npmrcguard.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * The only class that touches tomlj, so that the library is loaded only when a TOML file is actually
 * parsed. Lists every string in the document as a setting, in file order.
 *
 * <p>tomlj gives an array element the position where the whitespace before it starts (so an element on
 * the next line gets the previous line); positions are therefore moved forward past whitespace, line
 * breaks and comments to the value itself.
 */
final class TomlSettings {
    private final String text;
    private final Lines lines;
    private final List<Found> found = new ArrayList<>();

    private TomlSettings(String text) {
        this.text = text;
        this.lines = Lines.of(text);
    }

    /** A setting and its char offset, for sorting into file order. */
    private record Found(Setting setting, int offset) {}

    static List<Setting> parse(String text) throws ParseException {
        TomlParseResult result;
        try {
            result = Toml.parse(text);
        } catch (StackOverflowError e) {
            throw new ParseException("TOML nested too deeply", 0);
        } catch (RuntimeException | AssertionError e) {
            // tomlj fails so on some malformed input (a broken unicode escape trips an assert under -ea): the
            // client would reject the file; the exception's text may quote it, so it is not passed on.
            throw new ParseException("not valid TOML", 0);
        }
        if (result.hasErrors()) {
            // tomlj's messages quote the file: only the line is passed on.
            TomlParseError first = result.errors().get(0);
            throw new ParseException(
                    "not valid TOML",
                    first.position() == null ? 0 : first.position().line());
        }
        TomlSettings walk = new TomlSettings(text);
        walk.table(result, new ArrayList<>());
        // tomlj's tables do not promise file order; positions do.
        walk.found.sort(Comparator.comparingInt(Found::offset));
        List<Setting> settings = new ArrayList<>(walk.found.size());
        for (Found f : walk.found) {
            settings.add(f.setting());
        }
        return settings;
    }

    private void table(TomlTable table, List<String> path) {
        for (String key : table.keySet()) {
            // get(String) would parse the key as a dotted path; a key may hold dots itself.
            List<String> keyPath = List.of(key);
            path.add(key);
            value(table.get(keyPath), table.inputPositionOf(keyPath), path);
            path.remove(path.size() - 1);
        }
    }

    private void array(TomlArray array, List<String> path) {
        for (int i = 0; i < array.size(); i++) {
            value(array.get(i), array.inputPositionOf(i), path);
        }
    }

    private void value(Object value, TomlPosition position, List<String> path) {
        if (value instanceof String) {
            int offset = offsetOf(position);
            String name = path.get(path.size() - 1);
            String scope = String.join(".", path.subList(0, path.size() - 1));
            found.add(new Found(
                    new Setting(lines.lineAt(offset), String.join(".", path), name, scope, (String) value, "", true),
                    offset));
        } else if (value instanceof TomlTable) {
            table((TomlTable) value, path);
        } else if (value instanceof TomlArray) {
            array((TomlArray) value, path);
        }
    }

    /** The char offset of what starts at or after a tomlj position (1-based line, 1-based code point column). */
    private int offsetOf(TomlPosition position) {
        if (position == null || position.line() < 1 || position.line() > lines.count()) {
            return 0;
        }
        int offset = lines.startOf(position.line());
        for (int column = 1; column < position.column() && offset < text.length(); column++) {
            offset += Character.charCount(text.codePointAt(offset));
        }
        // Skip what may stand between array elements: spaces, tabs, line breaks, comments.
        while (offset < text.length()) {
            char c = text.charAt(offset);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                offset++;
            } else if (c == '#') {
                while (offset < text.length() && text.charAt(offset) != '\n') {
                    offset++;
                }
            } else {
                break;
            }
        }
        return Math.min(offset, text.length());
    }
}
