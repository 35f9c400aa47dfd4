package io.github.npmrcguard.testsupport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 JSON reader for tests: objects become {@link LinkedHashMap}s, arrays {@link List}s,
 * numbers {@link BigDecimal}s, and strings, booleans and null the obvious Java values. It rejects what a
 * lenient parser would let through (raw control characters in strings, bad escapes, duplicate keys,
 * trailing commas or text), so a test that reads a report back also checks that it is well-formed JSON.
 * Unpaired surrogate escapes are rejected too (I-JSON, RFC 7493 §2.1).
 */
public final class JsonReader {

    private final String text;
    private int pos;

    private JsonReader(String text) {
        this.text = text;
    }

    /**
     * Parses one JSON document.
     *
     * @throws IllegalArgumentException with the offset, if the text is not well-formed JSON
     */
    public static Object parse(String text) {
        JsonReader r = new JsonReader(text);
        r.skipWhitespace();
        Object value = r.value();
        r.skipWhitespace();
        if (r.pos != text.length()) {
            throw r.error("text after the JSON value");
        }
        return value;
    }

    /**
     * Follows a path of member names (String) and array indexes (Integer) from {@code root}.
     *
     * @throws IllegalArgumentException naming the step that is missing or of the wrong type
     */
    public static Object at(Object root, Object... path) {
        Object node = root;
        for (int i = 0; i < path.length; i++) {
            Object step = path[i];
            if (step instanceof String name && node instanceof Map<?, ?> map && map.containsKey(name)) {
                node = map.get(name);
            } else if (step instanceof Integer index
                    && node instanceof List<?> list
                    && index >= 0
                    && index < list.size()) {
                node = list.get(index);
            } else {
                throw new IllegalArgumentException(
                        "no " + step + " at " + List.of(path).subList(0, i));
            }
        }
        return node;
    }

    /** {@link #at} for an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object root, Object... path) {
        return (Map<String, Object>) at(root, path);
    }

    /** {@link #at} for an array. */
    @SuppressWarnings("unchecked")
    public static List<Object> array(Object root, Object... path) {
        return (List<Object>) at(root, path);
    }

    /** {@link #at} for a string. */
    public static String string(Object root, Object... path) {
        return (String) at(root, path);
    }

    /** {@link #at} for an integer. */
    public static int integer(Object root, Object... path) {
        return ((BigDecimal) at(root, path)).intValueExact();
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield number();
                }
                throw error("unexpected character");
            }
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++; // {
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            int at = pos;
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (map.containsKey(name)) {
                pos = at;
                throw error("duplicate member " + name);
            }
            map.put(name, value());
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++; // [
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value());
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        StringBuilder s = new StringBuilder();
        pos++; // "
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                break;
            } else if (c < 0x20) {
                pos--;
                throw error("raw control character in a string");
            } else if (c == '\\') {
                if (pos >= text.length()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> s.append(e);
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'u' -> s.append(hex4());
                    default -> {
                        pos--;
                        throw error("bad escape");
                    }
                }
            } else {
                s.append(c);
            }
        }
        String result = s.toString();
        for (int i = 0; i < result.length(); i++) {
            char c = result.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < result.length()
                    && Character.isLowSurrogate(result.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw error("unpaired surrogate in a string");
            }
        }
        return result;
    }

    private char hex4() {
        if (pos + 4 > text.length()) {
            throw error("short unicode escape");
        }
        String hex = text.substring(pos, pos + 4);
        if (!hex.matches("[0-9a-fA-F]{4}")) {
            throw error("bad unicode escape");
        }
        pos += 4;
        return (char) Integer.parseInt(hex, 16);
    }

    private BigDecimal number() {
        int start = pos;
        var m = java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")
                .matcher(text)
                .region(pos, text.length());
        if (!m.lookingAt()) {
            throw error("bad number");
        }
        pos = m.end();
        return new BigDecimal(text.substring(start, pos));
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("bad literal");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at offset " + pos);
    }
}
