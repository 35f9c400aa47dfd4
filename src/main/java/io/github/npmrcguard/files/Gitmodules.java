package io.github.npmrcguard.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The submodule paths a {@code .gitmodules} file names: the {@code path} of each {@code [submodule "..."]}
 * section, in git's config syntax (quotes, backslash escapes, {@code #} and {@code ;} comments). The file
 * is committed content: a path is only used after {@link #plainPath} accepts it.
 */
final class Gitmodules {
    private Gitmodules() {}

    /** The {@code path} values of the submodule sections, in file order. */
    static List<String> paths(byte[] content) {
        List<String> paths = new ArrayList<>();
        boolean inSubmodule = false;
        for (String raw : new String(content, StandardCharsets.UTF_8).split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                int end = line.indexOf(']');
                String header = end < 0 ? "" : line.substring(1, end).strip();
                // [submodule "name"]: the section name is case-insensitive, the subsection quoted.
                inSubmodule = header.toLowerCase(Locale.ROOT).startsWith("submodule")
                        && header.substring("submodule".length()).stripLeading().startsWith("\"");
                continue;
            }
            if (!inSubmodule) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0 || !line.substring(0, eq).strip().equalsIgnoreCase("path")) {
                continue;
            }
            String value = value(line.substring(eq + 1));
            value = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            if (!value.isEmpty()) {
                paths.add(value);
            }
        }
        return paths;
    }

    /** A config value: quotes removed, escapes applied, an unquoted comment and the outer blanks dropped. */
    private static String value(String text) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        int keep = 0; // length up to the last character that is not unquoted trailing whitespace
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                keep = out.length();
                continue;
            }
            if (!quoted && (c == '#' || c == ';')) {
                break;
            }
            if (c == '\\' && i + 1 < text.length()) {
                char e = text.charAt(++i);
                out.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'b' ? '\b' : e);
                keep = out.length();
                continue;
            }
            if (!quoted && Character.isWhitespace(c)) {
                if (out.length() > 0) {
                    out.append(c);
                }
                continue;
            }
            out.append(c);
            keep = out.length();
        }
        return out.substring(0, keep);
    }

    /** Whether a path from the file is a plain relative folder path: no {@code ..}, {@code .}, empty or absolute part. */
    static boolean plainPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
            return false;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
