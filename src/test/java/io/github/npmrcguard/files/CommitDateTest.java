package io.github.npmrcguard.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A commit date as git's {@code %cI} writes it, kept as text until it is asked for. */
class CommitDateTest {
    @Test
    void theShapeIsGitsStrictIso8601() {
        assertTrue(CommitDate.shaped("2025-03-02T10:00:00+01:00"));
        assertTrue(CommitDate.shaped("1999-12-31T23:59:59-05:30"));
        for (String other : new String[] {
            "2025-03-02T10:00:00Z", // %cI always writes an offset
            "2025-03-02 10:00:00 +0100", // %ci
            "2025-03-02T10:00:00+0100",
            "2025-3-02T10:00:00+01:00",
            "2025-03-02T10:00:00+01:00 ",
            "yesterday",
            ""
        }) {
            assertFalse(CommitDate.shaped(other), other);
        }
    }

    @Test
    void theValueKeepsTheCommittersOffset() {
        OffsetDateTime date = new CommitDate("2025-03-02T10:00:00+01:00", "git log").value();
        assertEquals(OffsetDateTime.of(2025, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(1)), date);
        assertEquals("2025-03-02T10:00:00+01:00", new CommitDate("2025-03-02T10:00:00+01:00", "git log").toString());
    }

    @Test
    void aDateOfTheRightShapeThatIsNoDateIsUnreadableOutputOfTheCommand() {
        CommitDate date = new CommitDate("2025-13-02T10:00:00+01:00", "git log");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, date::value);
        GitException cause = assertInstanceOf(GitException.class, e.getCause());
        assertTrue(cause.getMessage().contains("git log"), cause.getMessage());
        assertTrue(cause.getMessage().contains("could not be read"), cause.getMessage());
    }
}
