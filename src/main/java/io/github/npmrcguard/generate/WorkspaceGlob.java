package io.github.npmrcguard.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A set of workspace globs as npm ({@code workspaces}) and pnpm ({@code pnpm-workspace.yaml packages})
 * write them, matched against a folder path relative to the workspace root with {@code /} separators:
 * {@code *} and {@code ?} stay within one folder name, {@code **} spans any number of folders,
 * {@code {a,b}} and {@code [abc]} work as in shells, and a pattern starting with {@code !} excludes what it
 * matches. Leading {@code ./} and trailing {@code /} are ignored.
 */
final class WorkspaceGlob {
    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    private WorkspaceGlob(List<Pattern> includes, List<Pattern> excludes) {
        this.includes = includes;
        this.excludes = excludes;
    }

    static WorkspaceGlob of(List<String> globs) {
        List<Pattern> in = new ArrayList<>();
        List<Pattern> out = new ArrayList<>();
        for (String glob : globs) {
            String g = glob.strip();
            boolean negated = g.startsWith("!");
            if (negated) {
                g = g.substring(1);
            }
            while (g.startsWith("./")) {
                g = g.substring(2);
            }
            while (g.endsWith("/") && g.length() > 1) {
                g = g.substring(0, g.length() - 1);
            }
            if (g.isEmpty()) {
                continue;
            }
            (negated ? out : in).add(Pattern.compile(toRegex(g)));
        }
        return new WorkspaceGlob(List.copyOf(in), List.copyOf(out));
    }

    /** Whether a folder, given relative to the root with {@code /} separators, is a workspace member. */
    boolean matches(String relativeFolder) {
        return includes.stream().anyMatch(p -> p.matcher(relativeFolder).matches())
                && excludes.stream().noneMatch(p -> p.matcher(relativeFolder).matches());
    }

    private static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                        i++;
                        re.append("(?:[^/]+/)*"); // "**/": zero or more whole folders
                    } else {
                        re.append(".*");
                    }
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '{') {
                braces++;
                re.append("(?:");
            } else if (c == '}' && braces > 0) {
                braces--;
                re.append(')');
            } else if (c == ',' && braces > 0) {
                re.append('|');
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 1);
                if (close < 0) {
                    re.append("\\[");
                } else {
                    String body = glob.substring(i + 1, close).replace("\\", "\\\\");
                    if (body.startsWith("!")) {
                        body = "^" + body.substring(1);
                    }
                    re.append('[').append(body).append(']');
                    i = close;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        while (braces-- > 0) {
            re.append(')');
        }
        return re.toString();
    }
}
