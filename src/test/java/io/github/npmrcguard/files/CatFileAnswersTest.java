package io.github.npmrcguard.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The answers of {@code cat-file --batch} as git writes them, and the output that is none. */
class CatFileAnswersTest {
    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(64);

    private static CatFileAnswers answers(String output, long maxBytes) {
        return new CatFileAnswers(new ByteArrayInputStream(output.getBytes(StandardCharsets.US_ASCII)), maxBytes);
    }

    @Test
    void readsBlobsMissingObjectsOversizedBlobsAndOtherTypesInTurn() throws IOException {
        CatFileAnswers in =
                answers(A + " blob 3\nabc\n" + "deadbeef missing\n" + B + " blob 5\nhello\n" + A + " tree 2\nxy\n", 4);
        Blob small = in.next();
        assertEquals(A, in.id());
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), small.content());
        assertEquals(3, small.size());
        assertTrue(in.next().missing());
        assertEquals("deadbeef", in.id());
        Blob large = in.next();
        assertEquals(B, in.id());
        assertNull(large.content());
        assertFalse(large.missing());
        assertEquals(5, large.size());
        assertTrue(in.next().missing(), "a tree is no file's content");
    }

    @Test
    void outputThatIsNoAnswerFails() {
        assertThrows(EOFException.class, () -> answers("", 10).next());
        assertThrows(EOFException.class, () -> answers(A + " blob 3\nab", 10).next());
        assertThrows(EOFException.class, () -> answers(A + " blob 3\nabcX", 10).next());
        assertThrows(EOFException.class, () -> answers(A + "\n", 10).next());
        assertThrows(
                EOFException.class, () -> answers("x".repeat(5000) + "\n", 10).next());
        assertThrows(NumberFormatException.class, () -> answers(A + " blob three\n", 10)
                .next());
    }
}
