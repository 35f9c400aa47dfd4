package io.github.npmrcguard.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A unified diff of two versions of a small text file, as {@code diff -u} prints it with three lines of
 * context. Lines that hold a credential value the generator does not own are printed as a note instead of
 * their text, so a diff is always safe to log.
 */
final class UnifiedDiff {
    static final String HIDDEN = "<line not shown: it holds a credential value>";
    private static final int CONTEXT = 3;
    /** Above this many cells the line-matching table is not built: the change is shown as a whole. */
    private static final long MAX_CELLS = 4_000_000L;

    private enum Op {
        SAME,
        DELETE,
        INSERT
    }

    private record Step(Op op, int oldIndex, int newIndex) {}

    private UnifiedDiff() {}

    /**
     * @param path   the file's name in the header
     * @param before the old lines, or an empty list for a new file
     * @param after  the new lines
     * @param hidden line texts never to print
     * @return the diff text, empty when the lines are equal
     */
    static String of(String path, boolean created, List<String> before, List<String> after, Set<String> hidden) {
        List<Step> steps = steps(before, after);
        if (steps.stream().allMatch(s -> s.op() == Op.SAME)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(created ? "/dev/null" : "a/" + path).append('\n');
        out.append("+++ b/").append(path).append('\n');
        int i = 0;
        while (i < steps.size()) {
            if (steps.get(i).op() == Op.SAME) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // Extend the hunk while changes are closer than twice the context.
            while (end < steps.size()) {
                if (steps.get(end).op() != Op.SAME) {
                    end++;
                    continue;
                }
                int run = end;
                while (run < steps.size() && steps.get(run).op() == Op.SAME) {
                    run++;
                }
                if (run < steps.size() && run - end <= 2 * CONTEXT) {
                    end = run;
                } else {
                    end = Math.min(steps.size(), end + CONTEXT);
                    break;
                }
            }
            appendHunk(out, steps.subList(start, end), before, after, hidden);
            i = end;
        }
        return out.toString();
    }

    private static void appendHunk(
            StringBuilder out, List<Step> hunk, List<String> before, List<String> after, Set<String> hidden) {
        int oldStart = -1;
        int newStart = -1;
        int oldCount = 0;
        int newCount = 0;
        for (Step s : hunk) {
            if (s.op() != Op.INSERT) {
                oldCount++;
                if (oldStart < 0) {
                    oldStart = s.oldIndex();
                }
            }
            if (s.op() != Op.DELETE) {
                newCount++;
                if (newStart < 0) {
                    newStart = s.newIndex();
                }
            }
        }
        out.append("@@ -")
                .append(range(oldStart, oldCount, hunk.get(0).oldIndex()))
                .append(" +")
                .append(range(newStart, newCount, hunk.get(0).newIndex()))
                .append(" @@\n");
        for (Step s : hunk) {
            String text = s.op() == Op.INSERT ? after.get(s.newIndex()) : before.get(s.oldIndex());
            char mark = s.op() == Op.SAME ? ' ' : s.op() == Op.DELETE ? '-' : '+';
            out.append(mark).append(hidden.contains(text) ? HIDDEN : text).append('\n');
        }
    }

    /** {@code start,count} with 1-based start; an empty range names the line before it, as diff does. */
    private static String range(int start, int count, int fallbackIndex) {
        if (count == 0) {
            return Math.max(0, fallbackIndex) + ",0";
        }
        return (start + 1) + (count == 1 ? "" : "," + count);
    }

    /** The shortest edit script by longest common subsequence; fine for config files of a few hundred lines. */
    private static List<Step> steps(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        List<Step> out = new ArrayList<>();
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                out.add(new Step(Op.DELETE, i, 0));
            }
            for (int j = 0; j < m; j++) {
                out.add(new Step(Op.INSERT, n, j));
            }
            return out;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Step(Op.SAME, i++, j++));
            } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
                out.add(new Step(Op.INSERT, i, j++));
            } else {
                out.add(new Step(Op.DELETE, i++, j));
            }
        }
        return out;
    }
}
