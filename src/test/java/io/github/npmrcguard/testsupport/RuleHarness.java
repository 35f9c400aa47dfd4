package io.github.npmrcguard.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.npmrcguard.rules.ConfigDocument;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.Rule;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule's test in a few lines, in the manner of spotless' {@code StepHarness}: a file (its name says its kind,
 * as in a scan), its content, and the findings expected (severity, rule id, line, key) or none. The content
 * goes through the real parser; the rules run in the order given, on one sink, as in a scan.
 *
 * <pre>{@code
 * RuleHarness.forCatalogue()
 *         .hiding(token)
 *         .test(".npmrc", "//r.example/:_authToken=" + token + "\n",
 *                 error("literal-credential", 1, "//r.example/:_authToken"));
 * }</pre>
 */
public final class RuleHarness {
    private final List<Rule> rules;
    private final ConfigDocument.FolderFacts folder;
    private final List<String> secrets;

    private RuleHarness(List<Rule> rules, ConfigDocument.FolderFacts folder, List<String> secrets) {
        this.rules = List.copyOf(rules);
        this.folder = folder;
        this.secrets = List.copyOf(secrets);
    }

    /** Every rule of the catalogue, in its order: what a scan reports, suppression included. */
    public static RuleHarness forCatalogue() {
        return forRules(RuleCatalogue.rules());
    }

    /** These rules alone, in this order. */
    public static RuleHarness forRules(Rule... rules) {
        return forRules(List.of(rules));
    }

    /** These rules alone, in this order. */
    public static RuleHarness forRules(List<Rule> rules) {
        return new RuleHarness(rules, ConfigDocument.FolderFacts.UNKNOWN, List.of());
    }

    /** The file in a folder with these facts (its frontend's client, a frontend below it). */
    public RuleHarness inFolder(ConfigDocument.FolderFacts facts) {
        return new RuleHarness(rules, facts, secrets);
    }

    /** Also asserts that no fragment of these secrets is in any finding. */
    public RuleHarness hiding(String... secrets) {
        List<String> all = new ArrayList<>(this.secrets);
        all.addAll(List.of(secrets));
        return new RuleHarness(rules, folder, all);
    }

    /** Asserts that the rules find exactly {@code expected} (in any order) in {@code content} at {@code path}. */
    public List<Finding> test(String path, String content, Expected... expected) {
        List<Finding> findings = check(path, content);
        List<String> want = new ArrayList<>();
        for (Expected e : expected) {
            want.add(e.toString());
        }
        List<String> got = new ArrayList<>();
        StringBuilder printed = new StringBuilder();
        for (Finding f : findings) {
            got.add(new Expected(f.severity(), f.rule().id(), f.line(), f.key()).toString());
            printed.append(f.logLine()).append('\n').append(f).append('\n');
        }
        want.sort(null);
        got.sort(null);
        assertEquals(String.join("\n", want), String.join("\n", got), "findings in " + path + ":\n" + printed);
        for (String secret : secrets) {
            TestTokens.assertNoFragment(printed.toString(), secret, "the findings");
        }
        return findings;
    }

    /** Asserts that the rules find nothing in {@code content} at {@code path}. */
    public void testNoFindings(String path, String content) {
        test(path, content);
    }

    /** What the rules find, for a test that asserts more than the harness does (a finding's words). */
    public List<Finding> check(String path, String content) {
        ConfigDocument parsed = Docs.parse(path, content);
        ConfigDocument doc =
                new ConfigDocument(parsed.path(), parsed.kind(), parsed.lines(), parsed.settings(), folder);
        return RuleCatalogue.check(doc, rules);
    }

    public static Expected error(String ruleId, int line, String key) {
        return new Expected(Severity.ERROR, ruleId, line, key);
    }

    public static Expected warning(String ruleId, int line, String key) {
        return new Expected(Severity.WARNING, ruleId, line, key);
    }

    /** One finding as a test names it: the key as the finding prints it ("" for none). */
    public record Expected(Severity severity, String ruleId, int line, String key) {
        @Override
        public String toString() {
            return String.format("line %4d %-7s %s %s", line, severity, ruleId, key);
        }
    }
}
