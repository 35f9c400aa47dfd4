package io.github.npmrcguard.report;

import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.rules.RuleInfo;
import io.github.npmrcguard.write.AtomicWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The site's rules page, rendered from the rule catalogue so that it cannot drift from the code: each rule's
 * id, level, title and help as the reports carry them, followed by a hand-written example and fix
 * ({@code <id>.md} in the examples folder). The build runs it before {@code mvn site}.
 */
public final class RulesReference {
    private RulesReference() {}

    /** {@code RulesReference <examples folder> <output .md>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: RulesReference <examples folder> <output .md>");
        }
        byte[] page = render(RuleCatalogue.infos(), Path.of(args[0])).getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(Path.of(args[1]).toAbsolutePath().getParent());
        new AtomicWriter().write(Path.of(args[1]), page, false);
    }

    /**
     * The page for these rules.
     *
     * @throws IllegalStateException when a rule has no example, or an example names no rule
     */
    public static String render(List<RuleInfo> rules, Path examples) throws IOException {
        check(rules, examples);
        StringBuilder md = new StringBuilder();
        md.append("# Rules reference\n\n")
                .append("Every finding names its rule id in brackets: `path:line: <what> in <key> [rule-id]`. ")
                .append("Errors fail the build unless `npmrcguard.fail=false`; warnings never do. ")
                .append("This page is generated from the plugin's rule catalogue.\n\n")
                .append("| rule id | level | what |\n|---|---|---|\n");
        for (RuleInfo r : rules) {
            md.append("| [`")
                    .append(r.id())
                    .append("`](#")
                    .append(r.id())
                    .append(") | ")
                    .append(level(r))
                    .append(" | ")
                    .append(text(r.title()))
                    .append(" |\n");
        }
        for (RuleInfo r : rules) {
            md.append("\n## ")
                    .append(r.id())
                    .append("\n\n")
                    .append("**")
                    .append(level(r))
                    .append("**: ")
                    .append(text(r.title()))
                    .append(".\n\n")
                    .append(text(r.help()))
                    .append("\n\n")
                    .append(Files.readString(examples.resolve(r.id() + ".md"), StandardCharsets.UTF_8)
                            .strip())
                    .append('\n');
        }
        return md.toString();
    }

    /** Plain text from the catalogue as Markdown: no markup of its own, and no HTML either. */
    static String text(String plain) {
        StringBuilder out = new StringBuilder(plain.length() + 16);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '|', '#' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String level(RuleInfo r) {
        return r.id().equals("preflight-variable")
                ? "error in CI, warning elsewhere"
                : r.severity().sarifLevel();
    }

    private static void check(List<RuleInfo> rules, Path examples) throws IOException {
        Set<String> ids = new TreeSet<>();
        for (RuleInfo r : rules) {
            ids.add(r.id());
        }
        Set<String> written = new TreeSet<>();
        try (Stream<Path> files = Files.list(examples)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".md"))
                    .forEach(n -> written.add(n.substring(0, n.length() - 3)));
        }
        List<String> problems = new ArrayList<>();
        for (String id : ids) {
            if (!written.contains(id)) {
                problems.add("rule " + id + " has no example: write " + examples.resolve(id + ".md"));
            }
        }
        for (String id : written) {
            if (!ids.contains(id)) {
                problems.add(examples.resolve(id + ".md") + " names no rule the catalogue has");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }
}
