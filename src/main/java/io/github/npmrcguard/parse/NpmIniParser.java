package io.github.npmrcguard.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * npm's {@code .npmrc} dialect: a line-by-line port of {@code decode()} from the {@code ini} package
 * (version 6.0.0, the one npm 11 bundles), with the line of each key as the file stores it.
 *
 * <p>What it keeps from ini, on purpose:
 * <ul>
 * <li>lines are the pieces between runs of CR/LF; a piece that is empty, blank, or whose first non-blank
 * char is {@code ;} or {@code #} is a comment;</li>
 * <li>{@code [name]} (at the very start of the line, only whitespace after the {@code ]}) opens a section;
 * keys after it carry {@link Setting#section()} (npm ignores them as config);</li>
 * <li>the key ends at the first {@code =}; a line without {@code =} sets the value {@code "true"}; a line
 * starting with {@code =}, or whose value holds U+2028/U+2029, matches nothing and is skipped;</li>
 * <li>key and value are trimmed with JavaScript's {@code trim()} (which also strips U+FEFF and Unicode
 * spaces); a value in double quotes is JSON-decoded, one in single quotes loses its quotes and is then
 * JSON-decoded if that works; an unquoted value ends at the first unescaped {@code ;} or {@code #}, and
 * {@code \;}, {@code \#}, {@code \\} are unescaped while any other backslash stays;</li>
 * <li>{@code key[]=v} records {@code key} (one setting per line); {@code __proto__} keys, and keys in a
 * {@code [__proto__]} section, are dropped;</li>
 * <li>no {@code ${VAR}} expansion: that is npm's next step, and rules need the unexpanded text.</li>
 * </ul>
 * A value that JSON-decoding turned into a number, boolean, array or object is given as JavaScript's
 * {@code String(value)} of it (what npm would put in a header). Duplicate keys are all returned in file
 * order.
 *
 * <p>Linear in the input; no regular expressions.
 */
public final class NpmIniParser implements ConfigParser {

    /** Creates the parser; it holds no state between calls. */
    public NpmIniParser() {}

    /** {@inheritDoc} Never throws: ini accepts any text. */
    @Override
    public List<Setting> parse(String text) {
        List<Setting> settings = new ArrayList<>();
        for (IniLine line : parseLines(text)) {
            if (line instanceof Entry) {
                settings.add(((Entry) line).toSetting());
            }
        }
        return settings;
    }

    /**
     * Parses a decoded file. npm does not strip a byte order mark: it reaches ini as U+FEFF, where
     * {@code trim()} removes it from a key but a {@code [section]} header on the first line no longer starts
     * with {@code [} and so becomes a key. This keeps that.
     */
    @Override
    public List<Setting> parse(DecodedText decoded) {
        return parse(decoded.hasBom() ? "\uFEFF" + decoded.text() : decoded.text());
    }

    /** One meaningful line of the file. */
    sealed interface IniLine permits Section, Entry {
        /** The 1-based line as stored. */
        int line();
    }

    /**
     * A {@code [section]} header.
     *
     * @param name    {@code String()} of the decoded name
     * @param rawName the decoded name as ini holds it (not always a string: {@code ['1']} decodes to 1)
     */
    record Section(int line, String name, Object rawName) implements IniLine {}

    /**
     * A key and value, with what ini's object building needs to know about them.
     *
     * @param bracketed whether the key was written with {@code []}
     * @param jsValue   the value as ini holds it ({@link Js} model); may be a secret
     * @param section   the section it stands under, or null at top level
     */
    record Entry(int line, String key, boolean bracketed, Object jsValue, String value, boolean quoted, String section)
            implements IniLine {

        Setting toSetting() {
            NpmKeys.ScopeAndName split = NpmKeys.split(key);
            return new Setting(
                    line,
                    key,
                    split.name(),
                    split.scope(),
                    value,
                    section == null ? "" : section,
                    quoted,
                    bracketed,
                    "");
        }

        @Override
        public String toString() {
            return "Entry[line " + line + ", key " + key + ", value <" + value.length() + " chars>]";
        }
    }

    /** The text's sections and entries in file order, keeping what ini keeps. */
    List<IniLine> parseLines(String text) {
        return parseLines(text, false);
    }

    /**
     * The sections and entries as bun's own ini reader ({@code src/ini.zig}) sees them: a line ends only at
     * LF (one CR before it is dropped, any other CR stays in the line), and U+2028/U+2029 are ordinary
     * characters, so a line that npm's parser drops for holding one is read, the value keeping it. A section
     * header may be followed only by spaces and tabs, as its source has it (where bun itself takes more as a
     * header, this reads more keys at top level than bun: the stricter side). Keys, values, quotes, comments
     * and escapes are read as npm reads them; line numbers are those of the file as stored.
     */
    List<IniLine> parseBunLines(String text) {
        return parseLines(text, true);
    }

    private List<IniLine> parseLines(String text, boolean bun) {
        List<IniLine> out = new ArrayList<>();
        String section = null;
        boolean inProtoSection = false;
        Lines stored = bun ? Lines.of(text) : null;
        int line = 1;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\r' && !bun) {
                line++;
                i += (i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
                continue;
            }
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            int end = i;
            while (end < n && text.charAt(end) != '\n' && (bun || text.charAt(end) != '\r')) {
                end++;
            }
            String piece = text.substring(i, bun && end > i && text.charAt(end - 1) == '\r' ? end - 1 : end);
            if (bun) {
                line = stored.lineAt(i);
            }
            i = end;

            int first = 0;
            while (first < piece.length() && Js.isWhitespace(piece.charAt(first))) {
                first++;
            }
            if (first == piece.length() || piece.charAt(first) == ';' || piece.charAt(first) == '#') {
                continue;
            }
            if (piece.charAt(0) == '[') {
                int close = piece.indexOf(']', 1);
                if (close > 0 && (bun ? spacesAndTabsFrom(piece, close + 1) : Js.isBlankFrom(piece, close + 1))) {
                    Object rawName = unsafe(piece.substring(1, close)).value;
                    String name = Js.toJsString(rawName);
                    inProtoSection = rawName instanceof String && name.equals("__proto__");
                    section = name;
                    out.add(new Section(line, name, rawName));
                    continue;
                }
            }
            int eq = piece.indexOf('=');
            if (eq == 0) {
                continue; // the key pattern needs at least one char before '='
            }
            String valueText = eq > 0 ? piece.substring(eq + 1) : null;
            if (valueText != null && !bun && containsLineTerminator(valueText)) {
                continue; // ini's '.' does not match U+2028/U+2029, so the line matches nothing
            }
            Unescaped key = unsafe(eq > 0 ? piece.substring(0, eq) : piece);
            boolean bracketed = key.value instanceof String
                    && ((String) key.value).length() > 2
                    && ((String) key.value).endsWith("[]");
            String keyName = bracketed
                    ? ((String) key.value).substring(0, ((String) key.value).length() - 2)
                    : Js.toJsString(key.value);
            if (inProtoSection || (key.value instanceof String && keyName.equals("__proto__"))) {
                continue;
            }
            Object value;
            boolean quoted;
            if (valueText == null) {
                value = Boolean.TRUE;
                quoted = false;
            } else {
                Unescaped unescaped = unsafe(valueText);
                value = literalOrString(unescaped.value);
                quoted = unescaped.quoted;
            }
            out.add(new Entry(line, keyName, bracketed, value, Js.toJsString(value), quoted, section));
        }
        return out;
    }

    /** ini turns the strings {@code true}, {@code false} and {@code null} into those values. */
    private static Object literalOrString(Object value) {
        if ("true".equals(value)) {
            return Boolean.TRUE;
        }
        if ("false".equals(value)) {
            return Boolean.FALSE;
        }
        if ("null".equals(value)) {
            return Js.NULL;
        }
        return value;
    }

    private static boolean spacesAndTabsFrom(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    static boolean containsLineTerminator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\u2028' || s.charAt(i) == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** What {@code unsafe()} returned, and whether it took the quoted branch. */
    private static final class Unescaped {
        final Object value;
        final boolean quoted;

        Unescaped(Object value, boolean quoted) {
            this.value = value;
            this.quoted = quoted;
        }
    }

    /** ini's {@code unsafe()}. */
    private static Unescaped unsafe(String raw) {
        String val = Js.trim(raw);
        if (isQuoted(val)) {
            // ini strips single quotes itself, then lets JSON.parse try; double quotes go to JSON.parse whole.
            String candidate =
                    val.charAt(0) == '\'' ? (val.length() >= 2 ? val.substring(1, val.length() - 1) : "") : val;
            Object parsed = JsonParser.parse(candidate);
            return new Unescaped(parsed == JsonParser.INVALID ? candidate : parsed, true);
        }
        // Up to the first ';', '#' or '\\' there is nothing to unescape: copy that part in one go.
        int plain = 0;
        while (plain < val.length()
                && val.charAt(plain) != ';'
                && val.charAt(plain) != '#'
                && val.charAt(plain) != '\\') {
            plain++;
        }
        if (plain == val.length() || val.charAt(plain) != '\\') {
            return new Unescaped(Js.trim(val.substring(0, plain)), false);
        }
        StringBuilder unescaped = new StringBuilder(val.length());
        unescaped.append(val, 0, plain);
        boolean escaping = false;
        for (int i = plain; i < val.length(); i++) {
            char c = val.charAt(i);
            if (escaping) {
                if (c != '\\' && c != ';' && c != '#') {
                    unescaped.append('\\');
                }
                unescaped.append(c);
                escaping = false;
            } else if (c == ';' || c == '#') {
                break;
            } else if (c == '\\') {
                escaping = true;
            } else {
                unescaped.append(c);
            }
        }
        if (escaping) {
            unescaped.append('\\');
        }
        return new Unescaped(Js.trim(unescaped.toString()), false);
    }

    private static boolean isQuoted(String val) {
        return !val.isEmpty()
                && ((val.charAt(0) == '"' && val.charAt(val.length() - 1) == '"')
                        || (val.charAt(0) == '\'' && val.charAt(val.length() - 1) == '\''));
    }
}
