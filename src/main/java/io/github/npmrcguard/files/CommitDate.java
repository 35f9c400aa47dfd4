package io.github.npmrcguard.files;

import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A commit's committer date as git wrote it (strict ISO 8601, {@code %cI}), parsed the first time it is asked
 * for: a walk lists every commit, its findings name a few.
 */
public final class CommitDate {
    /** git's strict ISO 8601, character by character: {@code 9} a digit, {@code +} a sign, anything else itself. */
    private static final String SHAPE = "9999-99-99T99:99:99+99:99";

    private final String text;
    private final String command;
    private OffsetDateTime value; // immutable once set: a second thread at worst parses it again

    CommitDate(String text, String command) {
        this.text = text;
        this.command = command;
    }

    /** Whether the text has the shape of the dates git's {@code %cI} writes (checked without parsing it). */
    static boolean shaped(String text) {
        if (text.length() != SHAPE.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char want = SHAPE.charAt(i);
            char c = text.charAt(i);
            boolean ok = want == '9' ? c >= '0' && c <= '9' : want == '+' ? c == '+' || c == '-' : c == want;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * The date, with the committer's offset.
     *
     * @throws UncheckedIOException holding a {@link GitException} when git wrote no date git could mean
     */
    public OffsetDateTime value() {
        OffsetDateTime v = value;
        if (v == null) {
            try {
                v = OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                throw new UncheckedIOException(WalkOutput.unreadable(command));
            }
            value = v;
        }
        return v;
    }

    @Override
    public String toString() {
        return text;
    }
}
