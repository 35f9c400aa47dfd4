package io.github.npmrcguard.generate;

import io.github.npmrcguard.parse.DecodedText;
import io.github.npmrcguard.parse.ParseException;
import io.github.npmrcguard.parse.TextDecoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A config file's text as editable lines, each with its own line ending, plus the encoding to write it back
 * in. Editing replaces or inserts whole lines and leaves every other line, line ending and byte alone, so
 * that a file that is not edited encodes back to the very bytes it was read from.
 *
 * <p>Immutable: each edit returns a new instance.
 */
final class TextFile {
    /** One stored line: its text and the line break after it (empty for a last line without one). */
    record Line(String text, String eol) {}

    private final List<Line> lines;
    /** The encoding to write back in: the decoded file's, or UTF-8 for a new file. */
    private final DecodedText encoding;

    private final String newLine;

    private TextFile(List<Line> lines, DecodedText encoding, String newLine) {
        this.lines = List.copyOf(lines);
        this.encoding = encoding;
        this.newLine = newLine;
    }

    /** A file that does not exist yet: UTF-8 without BOM, {@code \n} line endings. */
    static TextFile empty() {
        return new TextFile(List.of(), new DecodedText("", "UTF-8", false), "\n");
    }

    /**
     * Reads stored bytes.
     *
     * @throws UneditableException when the bytes are binary, not valid in their encoding, or would not
     *                             encode back to themselves (editing would then change bytes nobody asked
     *                             to change)
     */
    static TextFile decode(byte[] bytes) throws UneditableException {
        DecodedText decoded;
        try {
            decoded = new TextDecoder().decode(bytes);
        } catch (ParseException e) {
            throw new UneditableException("it is not a text file");
        }
        if (decoded.lossy()) {
            throw new UneditableException("it is not valid " + decoded.encoding()
                    + " text, so rewriting it would change bytes other than the edited lines");
        }
        TextFile file = new TextFile(split(decoded.text()), decoded, null);
        file = new TextFile(file.lines, file.encoding, file.dominantEol());
        if (!Arrays.equals(file.encode(), bytes)) {
            throw new UneditableException("its " + decoded.encoding() + " text does not encode back to the same bytes");
        }
        return file;
    }

    private static List<Line> split(String text) {
        List<Line> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                int end = i;
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                out.add(new Line(text.substring(start, end), text.substring(end, i + 1)));
                start = i + 1;
            }
        }
        if (start < n) {
            out.add(new Line(text.substring(start), ""));
        }
        return out;
    }

    /** The line ending most lines use ({@code \n} when there is none, or on a tie with it). */
    private String dominantEol() {
        int lf = 0;
        int crlf = 0;
        int cr = 0;
        for (Line line : lines) {
            switch (line.eol()) {
                case "\n" -> lf++;
                case "\r\n" -> crlf++;
                case "\r" -> cr++;
                default -> {}
            }
        }
        if (crlf > lf && crlf >= cr) {
            return "\r\n";
        }
        if (cr > lf && cr > crlf) {
            return "\r";
        }
        return "\n";
    }

    /** The whole text, without a byte order mark. */
    String text() {
        StringBuilder s = new StringBuilder();
        for (Line line : lines) {
            s.append(line.text()).append(line.eol());
        }
        return s.toString();
    }

    /** Whether the file began with a byte order mark. */
    boolean hasBom() {
        return encoding.hasBom();
    }

    /** The bytes to store. */
    byte[] encode() {
        return encoding.encode(text());
    }

    /** The line texts without line endings; element 0 is line 1. */
    List<String> lineTexts() {
        List<String> out = new ArrayList<>(lines.size());
        lines.forEach(l -> out.add(l.text()));
        return out;
    }

    /** The number of stored lines. */
    int lineCount() {
        return lines.size();
    }

    /** The text of a 1-based line. */
    String line(int number) {
        return lines.get(number - 1).text();
    }

    /** The line ending new lines get: the file's dominant one. */
    String newLine() {
        return newLine;
    }

    /** The same file with the text of a 1-based line replaced, its line ending kept. */
    TextFile replace(int number, String text) {
        List<Line> copy = new ArrayList<>(lines);
        copy.set(number - 1, new Line(text, lines.get(number - 1).eol()));
        return new TextFile(copy, encoding, newLine);
    }

    /**
     * The same file with lines inserted after a 1-based line (0: at the top). Inserting after a last line
     * that has no line break first gives it one.
     */
    TextFile insertAfter(int number, List<String> texts) {
        if (texts.isEmpty()) {
            return this;
        }
        List<Line> copy = new ArrayList<>(lines);
        if (number == copy.size() && number > 0 && copy.get(number - 1).eol().isEmpty()) {
            copy.set(number - 1, new Line(copy.get(number - 1).text(), newLine));
        }
        List<Line> added = new ArrayList<>();
        texts.forEach(t -> added.add(new Line(t, newLine)));
        copy.addAll(number, added);
        return new TextFile(copy, encoding, newLine);
    }

    /** The same file with lines added at the end, after a line break if the file lacked a final one. */
    TextFile append(List<String> texts) {
        return insertAfter(lines.size(), texts);
    }

    @Override
    public String toString() {
        // Never the text: an existing file may hold a secret.
        return "TextFile[" + lines.size() + " lines, " + encoding + "]";
    }
}
