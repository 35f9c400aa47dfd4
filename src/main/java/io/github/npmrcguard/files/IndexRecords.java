package io.github.npmrcguard.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reading git's {@code -z} listings: the NUL-separated records, and the head of an {@code ls-files --stage}
 * record ("mode object-id stage", then a tab and the path), parsed by hand.
 */
final class IndexRecords {
    private IndexRecords() {}

    /** One tracked index entry. */
    record Entry(String mode, String objectId, int stage) {
        boolean regularFile() {
            return mode.startsWith("100"); // 100644 or 100755; 120000 is a link, 160000 a submodule
        }
    }

    /** Merge-conflict stages in order: base, ours, theirs. */
    static final Comparator<Entry> STAGE_ORDER = new Comparator<>() {
        @Override
        public int compare(Entry a, Entry b) {
            return Integer.compare(a.stage(), b.stage());
        }
    };

    /**
     * Where the path starts in a record of {@code ls-files --stage}: after "<mode> <object id> <stage>" and a tab
     * (six octal digits, 40 or 64 lowercase hex digits for SHA-1 or SHA-256, a stage from 0 to 3); -1 for a
     * record of another shape. Written out rather than a regex: it runs once per tracked candidate, in the
     * interpreter of a build's cold JVM.
     */
    static int stagedHeadEnd(String record) {
        int n = record.length();
        if (n < 6 + 1 + 40 + 3) {
            return -1;
        }
        for (int i = 0; i < 6; i++) {
            char c = record.charAt(i);
            if (c < '0' || c > '7') {
                return -1;
            }
        }
        if (record.charAt(6) != ' ') {
            return -1;
        }
        int idEnd = 7;
        while (idEnd < n
                && (record.charAt(idEnd) >= '0' && record.charAt(idEnd) <= '9'
                        || record.charAt(idEnd) >= 'a' && record.charAt(idEnd) <= 'f')) {
            idEnd++;
        }
        if (idEnd - 7 != 40 && idEnd - 7 != 64 || idEnd + 3 > n) {
            return -1;
        }
        char stage = record.charAt(idEnd + 1);
        return record.charAt(idEnd) == ' ' && stage >= '0' && stage <= '3' && record.charAt(idEnd + 2) == '\t'
                ? idEnd + 3
                : -1;
    }

    static List<String> records(byte[] output) {
        return records(output, new HashSet<>());
    }

    /**
     * The NUL-separated records of git's {@code -z} output, decoded as UTF-8; records that are not valid
     * UTF-8 are also added to {@code notUtf8}, as decoded (with replacement characters).
     */
    static List<String> records(byte[] output, Set<String> notUtf8) {
        List<String> records = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= output.length; i++) {
            if (i == output.length || output[i] == 0) {
                if (i > start) {
                    String record = new String(output, start, i - start, StandardCharsets.UTF_8);
                    if (record.indexOf('\uFFFD') >= 0
                            && !Arrays.equals(
                                    record.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(output, start, i))) {
                        notUtf8.add(record);
                    }
                    records.add(record);
                }
                start = i + 1;
            }
        }
        return records;
    }
}
