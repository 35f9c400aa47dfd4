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
 */
final class TomlSettings {
    private TomlSettings() {
    }

    /** A setting and where tomlj says it starts, for sorting into file order. */
    private record Found(Setting setting, int column) {
    }

    static List<Setting> parse(String text) throws ParseException {
        TomlParseResult result;
        try {
            result = Toml.parse(text);
        } catch (StackOverflowError e) {
            throw new ParseException("TOML nested too deeply", 0);
        }
        if (result.hasErrors()) {
            // tomlj's messages quote the file: only the line is passed on.
            TomlParseError first = result.errors().get(0);
            throw new ParseException("not valid TOML", first.position() == null ? 0 : first.position().line());
        }
        List<Found> found = new ArrayList<>();
        table(result, new ArrayList<>(), found);
        // tomlj's tables do not promise file order; positions do.
        found.sort(Comparator.comparingInt((Found f) -> f.setting().line()).thenComparingInt(Found::column));
        List<Setting> settings = new ArrayList<>(found.size());
        for (Found f : found) {
            settings.add(f.setting());
        }
        return settings;
    }

    private static void table(TomlTable table, List<String> path, List<Found> found) {
        for (String key : table.keySet()) {
            // get(String) would parse the key as a dotted path; a key may hold dots itself.
            List<String> keyPath = List.of(key);
            path.add(key);
            value(table.get(keyPath), table.inputPositionOf(keyPath), path, found);
            path.remove(path.size() - 1);
        }
    }

    private static void array(TomlArray array, List<String> path, List<Found> found) {
        for (int i = 0; i < array.size(); i++) {
            value(array.get(i), array.inputPositionOf(i), path, found);
        }
    }

    private static void value(Object value, TomlPosition position, List<String> path, List<Found> found) {
        if (value instanceof String) {
            int line = position == null ? 0 : position.line();
            int column = position == null ? 0 : position.column();
            String name = path.get(path.size() - 1);
            String scope = String.join(".", path.subList(0, path.size() - 1));
            found.add(new Found(new Setting(line, String.join(".", path), name, scope, (String) value, "", true),
                    column));
        } else if (value instanceof TomlTable) {
            table((TomlTable) value, path, found);
        } else if (value instanceof TomlArray) {
            array((TomlArray) value, path, found);
        }
    }
}
