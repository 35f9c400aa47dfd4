package io.github.npmrcguard.files;

import io.github.npmrcguard.files.GitHistory.Change;
import io.github.npmrcguard.files.GitHistory.ChangeListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the output of {@link GitHistory}'s walk as git writes it. */
final class WalkOutput {
    private static final String ZERO_ID = "0".repeat(40);
    private static final String ZERO_ID_256 = "0".repeat(64);
    private static final byte HEADER = 1;

    private WalkOutput() {}

    /**
     * Parses the walk's output as it comes: per commit {@code \x01<id> <date>}, then per changed path a raw
     * entry ({@code :<modes> <ids> <status>}, one colon per parent) and the path, each ended by NUL. The first
     * entry follows the header after a newline, or after a NUL for a merge's combined entries. Returns how
     * many commits it listed.
     */
    static int parse(String command, InputStream in, ChangeListener listener) throws IOException {
        int commits = 0;
        String commit = null;
        CommitDate date = null;
        String pendingMeta = null;
        byte[] token = new byte[256];
        int length = 0;
        byte[] chunk = new byte[1 << 16];
        for (int n = in.read(chunk); ; n = in.read(chunk)) {
            boolean end = n < 0;
            int count = end ? 1 : n;
            for (int k = 0; k < count; k++) {
                if (!end && chunk[k] != 0) {
                    if (length == token.length) {
                        token = java.util.Arrays.copyOf(token, token.length * 2);
                    }
                    token[length++] = chunk[k];
                    continue;
                }
                if (end && length == 0) {
                    break;
                }
                int len = length;
                length = 0;
                if (pendingMeta != null) {
                    String path = new String(token, 0, len, StandardCharsets.UTF_8);
                    Change c = change(command, commit, date, pendingMeta, path);
                    if (c != null) {
                        listener.change(c);
                    }
                    pendingMeta = null;
                    continue;
                }
                if (len == 0) {
                    continue; // the empty record that ends a commit
                }
                if (token[0] == HEADER) {
                    String text = new String(token, 0, len, StandardCharsets.UTF_8);
                    int nl = text.indexOf('\n');
                    String header = nl < 0 ? text.substring(1) : text.substring(1, nl);
                    int space = header.indexOf(' ');
                    if (space != 40 && space != 64) {
                        throw unreadable(command);
                    }
                    commit = header.substring(0, space);
                    String dateText = header.substring(space + 1);
                    if (!CommitDate.shaped(dateText)) {
                        throw unreadable(command);
                    }
                    date = new CommitDate(dateText, command);
                    commits++;
                    if (nl >= 0) {
                        pendingMeta = meta(command, text.substring(nl + 1));
                    }
                } else if (commit != null && token[0] == ':') {
                    pendingMeta = new String(token, 0, len, StandardCharsets.US_ASCII);
                } else {
                    throw unreadable(command);
                }
            }
            if (end) {
                break;
            }
        }
        if (pendingMeta != null) {
            throw unreadable(command);
        }
        return commits;
    }

    private static String meta(String command, String token) throws GitException {
        if (!token.startsWith(":")) {
            throw unreadable(command);
        }
        return token;
    }

    /** The change a raw entry describes, or null when it is no candidate file version (deleted, a link, ...). */
    private static Change change(String command, String commit, CommitDate date, String meta, String path)
            throws GitException {
        int parents = 0;
        while (parents < meta.length() && meta.charAt(parents) == ':') {
            parents++;
        }
        // parents + 1 modes, parents + 1 ids, one status field
        int[] starts = fieldStarts(meta, parents, 2 * (parents + 1) + 1);
        if (starts == null || path.isEmpty()) {
            throw unreadable(command);
        }
        String mode = meta.substring(starts[parents], starts[parents + 1] - 1);
        String blob = meta.substring(starts[2 * parents + 1], starts[2 * parents + 2] - 1);
        if (!mode.startsWith("100") || blob.equals(ZERO_ID) || blob.equals(ZERO_ID_256)) {
            return null; // 120000 is a link, 160000 a submodule, 000000 a deletion
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        FileKind kind = FileKind.ofFileName(name);
        if (kind == null || Pruned.underNodeModules(path)) {
            return null;
        }
        return new Change(commit, date, path, blob, kind);
    }

    /**
     * Where each of the {@code count} fields separated by single spaces from {@code from} on starts, and where
     * one more would (the end plus one); null when there are more or fewer, or an empty one.
     */
    private static int[] fieldStarts(String s, int from, int count) {
        int[] starts = new int[count + 1];
        starts[0] = from;
        int n = 1;
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == ' ') {
                if (n == count || i == starts[n - 1]) {
                    return null;
                }
                starts[n++] = i + 1;
            }
        }
        if (n != count || starts[n - 1] == s.length()) {
            return null;
        }
        starts[n] = s.length() + 1;
        return starts;
    }

    static GitException unreadable(String command) {
        return new GitException(command, -1, "its output could not be read");
    }
}
