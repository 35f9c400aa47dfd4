package io.github.npmrcguard.history;

import io.github.npmrcguard.files.GitHistory;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which commits the history scan walks: every commit reachable from any ref, optionally only those
 * committed since a date, or a commit range {@code A..B} (commits reachable from B but not from A).
 * {@link #parse} checks the user's {@code since} value before anything runs: a value git would read as
 * an option (one starting with {@code -}) or as anything else than a date or two revision names is
 * refused with a message saying what is accepted.
 */
public final class HistoryRange {
    /** What {@code since} accepts, for messages. */
    static final String ACCEPTED = "an ISO date (2025-03-01), an ISO date-time with an offset"
            + " (2025-03-01T12:00:00Z) or a commit range (v1.0..main)";

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final GitHistory.Revisions revisions;
    private final String description;

    private HistoryRange(GitHistory.Revisions revisions, String description) {
        this.revisions = revisions;
        this.description = description;
    }

    /** Every commit reachable from any ref ({@code --all}). */
    public static HistoryRange all() {
        return new HistoryRange(GitHistory.Revisions.all(), "all refs");
    }

    /** Commits reachable from any ref and committed at or after {@code since} (git's {@code --since} cut-off). */
    public static HistoryRange since(Instant since) {
        Objects.requireNonNull(since, "since");
        return new HistoryRange(new GitHistory.Revisions(since, null, null), "all refs, commits since " + since);
    }

    /**
     * Parses the user's {@code since} value.
     *
     * @param since null or blank for every commit; {@code yyyy-MM-dd} for commits since the start of that day
     *              in {@code zone}; an ISO-8601 date-time with an offset for commits since that instant; or
     *              {@code A..B} with two revision names (branch, tag, commit id, {@code main~3}, ...)
     * @param zone  the time zone of a plain date (the build machine's, normally)
     * @throws IllegalArgumentException with a message naming the problem and what is accepted
     */
    public static HistoryRange parse(String since, ZoneId zone) {
        if (since == null || since.isBlank()) {
            return all();
        }
        String value = since.strip();
        if (value.startsWith("-")) {
            throw invalid(value, "it starts with '-', which git would read as an option");
        }
        int dots = value.indexOf("..");
        if (dots >= 0) {
            return range(value, dots);
        }
        if (ISO_DATE.matcher(value).matches()) {
            try {
                LocalDate date = LocalDate.parse(value);
                return new HistoryRange(
                        new GitHistory.Revisions(date.atStartOfDay(zone).toInstant(), null, null),
                        "all refs, commits since " + date);
            } catch (DateTimeException e) {
                throw invalid(value, "it is not a date of the calendar");
            }
        }
        if (value.indexOf('T') == 10 && ISO_DATE.matcher(value.substring(0, 10)).matches()) {
            try {
                OffsetDateTime time = OffsetDateTime.parse(value);
                return new HistoryRange(
                        new GitHistory.Revisions(time.toInstant(), null, null), "all refs, commits since " + time);
            } catch (DateTimeParseException e) {
                throw invalid(value, "a date-time needs a valid time and an offset such as Z or +01:00");
            }
        }
        throw invalid(value, "it is neither a date nor a range");
    }

    private static HistoryRange range(String value, int dots) {
        if (value.contains("...")) {
            throw invalid(value, "a symmetric range (A...B) is not supported; use A..B");
        }
        String from = value.substring(0, dots);
        String to = value.substring(dots + 2);
        if (from.isEmpty() || to.isEmpty()) {
            throw invalid(value, "a range needs both ends, as in v1.0..main");
        }
        for (String end : new String[] {from, to}) {
            if (!GitHistory.Revisions.isRevision(end)) {
                throw invalid(
                        value,
                        "'" + shown(end) + "' is not a plain revision name (a branch, tag,"
                                + " commit id, or a form such as main~3)");
            }
        }
        return new HistoryRange(new GitHistory.Revisions(null, from, to), from + ".." + to);
    }

    private static IllegalArgumentException invalid(String value, String why) {
        return new IllegalArgumentException(
                "since '" + shown(value) + "' is not valid: " + why + ". It takes " + ACCEPTED + ".");
    }

    /** The value as a message may show it: printable, and short. */
    private static String shown(String value) {
        String printable = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }

    /** The revisions to give git. */
    GitHistory.Revisions revisions() {
        return revisions;
    }

    /** Whether this is a range {@code A..B} rather than every ref. */
    public boolean isCommitRange() {
        return revisions.from() != null;
    }

    /** For notes and the log: "all refs", "all refs, commits since 2025-03-01" or "v1.0..main". */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
