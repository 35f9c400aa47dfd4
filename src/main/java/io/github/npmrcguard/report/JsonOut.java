package io.github.npmrcguard.report;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming JSON writer with two-space indentation, enough for the SARIF report. Written by hand
 * because the plugin takes no JSON library for one small file. The output is pure ASCII: every other
 * character is a {@code \}{@code u} escape, so no reader can get the encoding wrong.
 */
final class JsonOut {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Appendable out;
    /** One entry per open object or array: whether it has an item yet. */
    private final Deque<boolean[]> open = new ArrayDeque<>();

    private boolean afterName;

    JsonOut(Appendable out) {
        this.out = out;
    }

    JsonOut beginObject() throws IOException {
        beforeValue();
        out.append('{');
        open.push(new boolean[1]);
        return this;
    }

    JsonOut endObject() throws IOException {
        return close('}');
    }

    JsonOut beginArray() throws IOException {
        beforeValue();
        out.append('[');
        open.push(new boolean[1]);
        return this;
    }

    JsonOut endArray() throws IOException {
        return close(']');
    }

    /** The next member's name; its value follows. */
    JsonOut name(String name) throws IOException {
        nextItem();
        quote(name, out);
        out.append(": ");
        afterName = true;
        return this;
    }

    JsonOut value(String value) throws IOException {
        beforeValue();
        quote(value, out);
        return this;
    }

    JsonOut value(long value) throws IOException {
        beforeValue();
        out.append(Long.toString(value));
        return this;
    }

    /** Shorthand for a member with a string value. */
    JsonOut member(String name, String value) throws IOException {
        return name(name).value(value);
    }

    /** Shorthand for a member with a number value. */
    JsonOut member(String name, long value) throws IOException {
        return name(name).value(value);
    }

    /** Ends the document with a line break; fails if an object or array is still open. */
    void finish() throws IOException {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed JSON object or array");
        }
        out.append('\n');
    }

    private void beforeValue() throws IOException {
        if (afterName) {
            afterName = false;
        } else if (!open.isEmpty()) {
            nextItem();
        }
    }

    private void nextItem() throws IOException {
        boolean[] hasItems = open.peek();
        if (hasItems == null) {
            throw new IllegalStateException("a JSON member outside an object");
        }
        if (hasItems[0]) {
            out.append(',');
        }
        hasItems[0] = true;
        newline(open.size());
    }

    private JsonOut close(char bracket) throws IOException {
        boolean[] hasItems = open.pop();
        if (hasItems[0]) {
            newline(open.size());
        }
        out.append(bracket);
        return this;
    }

    /** A line break and the indentation of each depth: appended whole, not two spaces at a time. */
    private static final String[] NEWLINES = new String[16];

    static {
        for (int depth = 0; depth < NEWLINES.length; depth++) {
            NEWLINES[depth] = "\n" + "  ".repeat(depth);
        }
    }

    private void newline(int depth) throws IOException {
        if (depth < NEWLINES.length) {
            out.append(NEWLINES[depth]);
            return;
        }
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    /**
     * Appends {@code s} as a JSON string literal. Quotes, backslashes and all control characters are
     * escaped; everything outside printable ASCII becomes {@code \}{@code u} escapes, a supplementary
     * character as its surrogate pair. An unpaired surrogate is not a character (RFC 8259 §8.2 leaves its
     * meaning undefined and I-JSON forbids it), so it is written as U+FFFD, the replacement character.
     */
    static void quote(String s, Appendable out) throws IOException {
        out.append('"');
        int length = s.length();
        int plain = 0;
        while (plain < length) {
            char c = s.charAt(plain);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                break;
            }
            plain++;
        }
        // The common case, printable ASCII, in one piece (a whole string is copied at once, a part char by char).
        if (plain == length) {
            out.append(s);
        } else {
            out.append(s, 0, plain);
        }
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append(c);
                    } else if (Character.isHighSurrogate(c)
                            && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        unicodeEscape(c, out);
                        unicodeEscape(s.charAt(++i), out);
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape('\uFFFD', out);
                    } else {
                        unicodeEscape(c, out);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(char c, Appendable out) throws IOException {
        out.append("\\u")
                .append(HEX[c >> 12 & 0xf])
                .append(HEX[c >> 8 & 0xf])
                .append(HEX[c >> 4 & 0xf])
                .append(HEX[c & 0xf]);
    }
}
