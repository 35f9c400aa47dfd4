package io.github.npmrcguard.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Line numbers as an editor shows them: CRLF, LF and a lone CR each end one line. */
class LinesTest {

    @Test
    void crlfLfAndLoneCrEachEndOneLine() {
        String text = "a\r\nb\nc\rd";
        Lines lines = Lines.of(text);
        assertEquals(4, lines.count());
        assertEquals(1, lines.lineAt(text.indexOf('a')));
        assertEquals(2, lines.lineAt(text.indexOf('b')));
        assertEquals(3, lines.lineAt(text.indexOf('c')));
        assertEquals(4, lines.lineAt(text.indexOf('d')));
    }

    @Test
    void lfThenCrAreTwoBreaksAndCrCrLfAreTwo() {
        Lines lines = Lines.of("a\n\rb\r\r\nc");
        assertEquals(5, lines.count());
        assertEquals(3, lines.lineAt(3));
        assertEquals(5, lines.lineAt(7));
    }

    @Test
    void aLineBreakBelongsToTheLineItEnds() {
        Lines lines = Lines.of("ab\r\ncd");
        assertEquals(1, lines.lineAt(2)); // the CR
        assertEquals(1, lines.lineAt(3)); // the LF of the CRLF
        assertEquals(2, lines.lineAt(4));
    }

    @Test
    void startOfGivesTheFirstOffsetOfEachLine() {
        Lines lines = Lines.of("ab\r\ncd\n\nef");
        assertEquals(0, lines.startOf(1));
        assertEquals(4, lines.startOf(2));
        assertEquals(7, lines.startOf(3));
        assertEquals(8, lines.startOf(4));
        assertEquals(10, lines.length());
    }

    @Test
    void textEndingInABreakHasAnEmptyLastLine() {
        Lines lines = Lines.of("a\n");
        assertEquals(2, lines.count());
        assertEquals(2, lines.lineAt(2));
        assertEquals(1, Lines.of("").count());
        assertEquals(1, Lines.of("").lineAt(0));
    }

    @Test
    void unicodeLineSeparatorsAreNotLineBreaks() {
        assertEquals(1, Lines.of("a\u2028b\u0085c\u000Bd").count());
    }

    @Test
    void offsetsAndLinesOutsideTheTextAreRefused() {
        Lines lines = Lines.of("ab");
        assertThrows(IndexOutOfBoundsException.class, () -> lines.lineAt(3));
        assertThrows(IndexOutOfBoundsException.class, () -> lines.lineAt(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> lines.startOf(2));
        assertThrows(IndexOutOfBoundsException.class, () -> lines.startOf(0));
    }

    @Test
    void manyLinesAreIndexed() {
        String text = "x\n".repeat(100_000);
        Lines lines = Lines.of(text);
        assertEquals(100_001, lines.count());
        assertEquals(54_322, lines.lineAt(2 * 54_321));
    }
}
