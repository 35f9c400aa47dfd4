package io.github.npmrcguard.report;

import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.PreflightVariableRule;
import io.github.npmrcguard.rules.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings as the build log shows them: file by file, line by line, errors and warnings together, the
 * way a user reads the file; at one line the error comes first. A preflight problem with one variable is
 * shown once per level, at its first file, saying how many other files name it (the SARIF report keeps them
 * all).
 */
public final class LogLines {
    /** One log line and its level. */
    public record Line(Severity severity, String text) {}

    private LogLines() {}

    public static List<Line> of(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.POSITION_ORDER);
        Map<String, Integer> readers = new HashMap<>();
        for (Finding f : sorted) {
            if (f.rule() == PreflightVariableRule.INFO) {
                Integer n = readers.get(group(f));
                readers.put(group(f), n == null ? 1 : n + 1);
            }
        }
        Set<String> shown = new HashSet<>();
        List<Line> out = new ArrayList<>();
        for (Finding f : sorted) {
            if (f.rule() != PreflightVariableRule.INFO) {
                out.add(new Line(f.severity(), f.logLine()));
            } else if (shown.add(group(f))) {
                int others = readers.get(group(f)) - 1;
                out.add(new Line(
                        f.severity(),
                        f.logLine()
                                + (others == 0
                                        ? ""
                                        : " (" + others + (others == 1 ? " other file names" : " other files name")
                                                + " it too)")));
            }
        }
        return out;
    }

    /** A preflight problem and its level: a file no client reads is a warning beside the same variable's error. */
    private static String group(Finding f) {
        return f.severity() + " " + f.what();
    }

    /** How many distinct preflight problems (a variable and what is wrong with it) the findings hold. */
    static long preflightProblems(List<Finding> findings) {
        return findings.stream()
                .filter(f -> f.rule() == PreflightVariableRule.INFO)
                .map(Finding::what)
                .distinct()
                .count();
    }
}
