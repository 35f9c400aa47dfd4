package io.github.npmrcguard.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code JSON.parse} as ECMA-262 defines it, for the parsers that call it on file text (npm's ini on quoted
 * values, yarn 1 on quoted strings). Strict RFC 8259 grammar; whitespace is only tab, LF, CR and space; lone
 * surrogates from {@code \\uD800} are kept. Iterative, so deep nesting cannot overflow the stack (V8's
 * parser is iterative too and accepts it).
 *
 * <p>Returns {@link #INVALID} rather than throwing: both callers swallow the error and fall back.
 */
final class JsonParser {
    /** Returned for text that {@code JSON.parse} would reject. */
    static final Object INVALID = new Object() {
        @Override
        public String toString() {
            return "<invalid JSON>";
        }
    };

    private final String s;
    private int pos;

    private JsonParser(String s) {
        this.s = s;
    }

    /**
     * @return a {@link String}, {@link Boolean}, {@link Double}, {@link Js#NULL}, {@link List} or
     *         {@link Map}, or {@link #INVALID}
     */
    static Object parse(String text) {
        return new JsonParser(text).parseDocument();
    }

    /** A container being filled, and for an object the key whose value comes next. */
    private static final class Open {
        final List<Object> array;
        final Map<String, Object> object;
        String pendingKey;

        Open(List<Object> array, Map<String, Object> object) {
            this.array = array;
            this.object = object;
        }
    }

    private Object parseDocument() {
        Deque<Open> stack = new ArrayDeque<>();
        skipWhitespace();
        while (true) {
            // Read one value, or open a container and go on to its first value.
            Object value;
            if (pos >= s.length()) {
                return INVALID;
            }
            char c = s.charAt(pos);
            if (c == '{') {
                pos++;
                skipWhitespace();
                if (peek() == '}') {
                    pos++;
                    value = new LinkedHashMap<String, Object>();
                } else {
                    Open open = new Open(null, new LinkedHashMap<>());
                    if (!readKey(open)) {
                        return INVALID;
                    }
                    stack.push(open);
                    continue;
                }
            } else if (c == '[') {
                pos++;
                skipWhitespace();
                if (peek() == ']') {
                    pos++;
                    value = new ArrayList<>();
                } else {
                    stack.push(new Open(new ArrayList<>(), null));
                    continue;
                }
            } else {
                value = readScalar();
                if (value == INVALID) {
                    return INVALID;
                }
            }
            // Attach the value; close every container that ends here.
            while (true) {
                skipWhitespace();
                Open top = stack.peek();
                if (top == null) {
                    return pos == s.length() ? value : INVALID;
                }
                if (top.array != null) {
                    top.array.add(value);
                } else {
                    top.object.put(top.pendingKey, value);
                }
                char next = peek();
                if (next == ',') {
                    pos++;
                    skipWhitespace();
                    if (top.object != null && !readKey(top)) {
                        return INVALID;
                    }
                    break;
                }
                if ((top.array != null && next == ']') || (top.object != null && next == '}')) {
                    pos++;
                    stack.pop();
                    value = top.array != null ? top.array : top.object;
                    continue;
                }
                return INVALID;
            }
        }
    }

    /** Reads {@code "key" :} and leaves the position at the value. */
    private boolean readKey(Open open) {
        if (peek() != '"') {
            return false;
        }
        Object key = readString();
        if (key == INVALID) {
            return false;
        }
        skipWhitespace();
        if (peek() != ':') {
            return false;
        }
        pos++;
        skipWhitespace();
        open.pendingKey = (String) key;
        return true;
    }

    private Object readScalar() {
        char c = s.charAt(pos);
        if (c == '"') {
            return readString();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return readNumber();
        }
        if (s.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        if (s.startsWith("null", pos)) {
            pos += 4;
            return Js.NULL;
        }
        return INVALID;
    }

    private Object readString() {
        pos++; // opening quote
        StringBuilder out = null;
        int runStart = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"') {
                String tail = s.substring(runStart, pos);
                pos++;
                return out == null ? tail : out.append(tail).toString();
            }
            if (c < 0x20) {
                return INVALID;
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder();
            }
            out.append(s, runStart, pos);
            if (pos + 1 >= s.length()) {
                return INVALID;
            }
            char e = s.charAt(pos + 1);
            pos += 2;
            switch (e) {
                case '"':
                case '\\':
                case '/':
                    out.append(e);
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'u':
                    if (pos + 4 > s.length()) {
                        return INVALID;
                    }
                    int unit = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(s.charAt(pos + i), 16);
                        if (digit < 0 || s.charAt(pos + i) > 'f') {
                            return INVALID;
                        }
                        unit = unit * 16 + digit;
                    }
                    out.append((char) unit);
                    pos += 4;
                    break;
                default:
                    return INVALID;
            }
            runStart = pos;
        }
        return INVALID;
    }

    private Object readNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            return INVALID;
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                return INVALID;
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                return INVALID;
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        return Double.parseDouble(s.substring(start, pos));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The char at the position, or NUL past the end (NUL is never valid where this is asked). */
    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }
}
