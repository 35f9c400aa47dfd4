package io.github.npmrcguard.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Line numbers of a text as it is stored: CRLF, a lone LF and a lone CR each end exactly one line. Clients
 * count differently (npm splits on runs of {@code [\r\n]}, collapsing blank lines), so the parsers keep
 * character offsets and ask this class for the line a user would see in an editor.
 *
 * <p>Immutable; built in one pass over the text.
 */
public final class Lines {
    private final int[] starts;
    private final int count;
    private final int length;

    private Lines(int[] starts, int count, int length) {
        this.starts = starts;
        this.count = count;
        this.length = length;
    }

    /**
     * Indexes the line starts of a text.
     *
     * @param text the decoded text
     * @return the index
     */
    public static Lines of(CharSequence text) {
        int n = text.length();
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return new Lines(starts, count, n);
    }

    /**
     * The number of lines: one more than the number of line breaks (text after the last break, even none,
     * is a line).
     */
    public int count() {
        return count;
    }

    /** The length of the indexed text, in chars. */
    public int length() {
        return length;
    }

    /**
     * The 1-based line a character offset stands on. The offset of a line break belongs to the line it ends.
     *
     * @param offset a char offset from 0 to the text's length (inclusive)
     * @return the 1-based line
     * @throws IndexOutOfBoundsException when the offset is outside the text
     */
    public int lineAt(int offset) {
        if (offset < 0 || offset > length) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside 0.." + length);
        }
        int found = Arrays.binarySearch(starts, 0, count, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /**
     * The char offset where a line starts.
     *
     * @param line a 1-based line number, at most {@link #count()}
     * @return the offset of its first character
     * @throws IndexOutOfBoundsException when there is no such line
     */
    public int startOf(int line) {
        if (line < 1 || line > count) {
            throw new IndexOutOfBoundsException("line " + line + " outside 1.." + count);
        }
        return starts[line - 1];
    }

    /**
     * The lines of a text without their line breaks, numbered as stored: element 0 is line 1.
     *
     * @param text the decoded text
     * @return one string per line; an empty text is one empty line
     */
    public static List<String> split(String text) {
        Lines lines = of(text);
        List<String> out = new ArrayList<>(lines.count());
        for (int line = 1; line <= lines.count(); line++) {
            int start = lines.startOf(line);
            int end = line < lines.count() ? lines.startOf(line + 1) : text.length();
            while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
                end--;
            }
            out.add(text.substring(start, end));
        }
        return out;
    }
}
