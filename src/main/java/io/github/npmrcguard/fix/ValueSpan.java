package io.github.npmrcguard.fix;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;

/**
 * Where a setting's value stands in its line, quotes included, so that a rewrite replaces exactly those
 * characters. Each format's rules are the client's: npm's ini cuts an unquoted value at an unescaped
 * {@code ;} or {@code #}; YAML and TOML quote or not. A span that cannot be found for sure is null, and
 * the rewriter's re-parse catches a wrong one.
 *
 * @param start offset of the value's first character in the line
 * @param end   offset after its last character
 * @param quote the quote character around it, or 0
 */
record ValueSpan(int start, int end, char quote) {

    /** The span of {@code s}'s value in {@code line}, or null when it cannot be located safely. */
    static ValueSpan locate(FileKind kind, String line, Setting s) {
        switch (kind) {
            case NPMRC:
                return npmIni(line);
            case YARNRC:
                return lastToken(line);
            case YARNRC_YML:
                return afterKey(line, s.name(), ':');
            case BUNFIG_TOML:
                return afterKey(line, s.name(), '=');
            default:
                return null;
        }
    }

    /** npm ini: the value follows the first {@code =}; quoted when it starts and ends with the same quote. */
    private static ValueSpan npmIni(String line) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            return null;
        }
        int start = skipSpaces(line, eq + 1);
        int end = trimEnd(line, line.length(), start);
        if (end - start >= 2) {
            char q = line.charAt(start);
            if ((q == '"' || q == '\'') && line.charAt(end - 1) == q) {
                return new ValueSpan(start, end, q);
            }
        }
        // Unquoted: the value ends at the first ; or # not escaped by a backslash.
        boolean escaped = false;
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ';' || c == '#') {
                end = trimEnd(line, i, start);
                break;
            }
        }
        return end > start ? new ValueSpan(start, end, (char) 0) : null;
    }

    /** yarn 1: {@code "key" "value"}; the value is the line's last token. */
    private static ValueSpan lastToken(String line) {
        int end = trimEnd(line, line.length(), 0);
        if (end == 0) {
            return null;
        }
        if (line.charAt(end - 1) == '"') {
            int open = line.lastIndexOf('"', end - 2);
            while (open > 0 && line.charAt(open - 1) == '\\') {
                open = line.lastIndexOf('"', open - 2);
            }
            return open > 0 ? new ValueSpan(open, end, '"') : null;
        }
        int start = end;
        while (start > 0 && !Character.isWhitespace(line.charAt(start - 1))) {
            start--;
        }
        return start > 0 ? new ValueSpan(start, end, (char) 0) : null;
    }

    /** YAML {@code name: value} and TOML {@code name = "value"}, also inside a flow mapping or inline table. */
    private static ValueSpan afterKey(String line, String name, char separator) {
        int from = 0;
        while (true) {
            int at = line.indexOf(name, from);
            if (at < 0) {
                return null;
            }
            from = at + name.length();
            boolean keyStart = at == 0 || " \t{,\"'".indexOf(line.charAt(at - 1)) >= 0;
            int after = at + name.length();
            if (after < line.length() && (line.charAt(after) == '"' || line.charAt(after) == '\'')) {
                after++;
            }
            int sep = skipSpaces(line, after);
            if (!keyStart || sep >= line.length() || line.charAt(sep) != separator) {
                continue;
            }
            int start = skipSpaces(line, sep + 1);
            if (start >= line.length()) {
                return null;
            }
            char q = line.charAt(start);
            if (q == '"' || q == '\'') {
                int close = closingQuote(line, start, q, separator == ':');
                return close < 0 ? null : new ValueSpan(start, close + 1, q);
            }
            if (q == '|' || q == '>' || q == '[' || q == '{') {
                return null; // a block scalar or a collection: not one value on this line
            }
            int end = start;
            while (end < line.length()) {
                char c = line.charAt(end);
                if (c == ',' || c == '}' || (c == '#' && Character.isWhitespace(line.charAt(end - 1)))) {
                    break;
                }
                end++;
            }
            end = trimEnd(line, end, start);
            return end > start ? new ValueSpan(start, end, (char) 0) : null;
        }
    }

    private static int closingQuote(String line, int open, char q, boolean yaml) {
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && q == '"') {
                i++;
            } else if (c == q) {
                if (yaml && q == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                    i++; // '' is an escaped quote in a YAML single-quoted scalar
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String line, int end, int floor) {
        while (end > floor && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
