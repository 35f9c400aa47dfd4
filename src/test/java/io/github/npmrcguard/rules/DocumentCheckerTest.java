package io.github.npmrcguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.testsupport.Docs;
import io.github.npmrcguard.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A scan's rules, the content-only ones run once per distinct content: the same findings as running every rule. */
class DocumentCheckerTest {
    private final TestTokens tokens = new TestTokens(11);

    /** A content-only rule that counts its runs and reports one warning per run. */
    private static final class CountingRule implements Rule {
        static final RuleInfo INFO = new RuleInfo("counting", Severity.WARNING, "Counted", "Counts its runs.");
        int runs;

        @Override
        public RuleInfo info() {
            return INFO;
        }

        @Override
        public boolean readsContentOnly() {
            return true;
        }

        @Override
        public void check(ConfigDocument doc, FindingSink sink) {
            runs++;
            sink.report(INFO, 1, "seen", "", Secret.none());
        }
    }

    private static ConfigDocument at(ConfigDocument parsed, String path, String client, String frontendBelow) {
        return new ConfigDocument(
                path,
                parsed.kind(),
                parsed.lines(),
                parsed.settings(),
                new ConfigDocument.FolderFacts(() -> client, () -> frontendBelow));
    }

    @Test
    void repeatsOfAContentGetWhatEveryRuleWouldFind() {
        String token = tokens.npm();
        ConfigDocument parsed = Docs.parse(
                ".npmrc",
                "registry=https://registry.npmjs.org/\n"
                        + "//registry.npmjs.org/:_authToken=" + token + "\n"
                        + "@acme:registry=https://npm.pkg.github.com/\n"
                        + "//npm.pkg.github.com/:_authToken=${GH_TOKEN?}\n"
                        + "//registry.npmjs.org/:_password=${NPM_PASSWORD}\n");
        List<Rule> rules = new ArrayList<>(RuleCatalogue.rules());
        rules.add(new PreflightVariableRule(Map.of(), Severity.WARNING));
        List<ConfigDocument> docs = List.of(
                at(parsed, ".npmrc", "", "frontend"), // unread-config: a frontend below reads its own
                at(parsed, "a/frontend/.npmrc", "pnpm", ""), // optional- and project-placeholder: pnpm reads neither
                at(parsed, "b/frontend/.npmrc", "npm", ""),
                at(parsed, "c/.npmrc", "", "src/main/frontend"));
        DocumentChecker checker = new DocumentChecker(rules, new RenderedKeys());
        Object sameContent = new Object();
        StringBuilder output = new StringBuilder();
        List<String> ids = new ArrayList<>();
        for (ConfigDocument doc : docs) {
            List<Finding> expected = RuleCatalogue.check(doc, rules);
            List<Finding> actual = checker.check(doc, sameContent);
            assertEquals(expected, actual, doc.path());
            actual.forEach(f -> {
                output.append(f.logLine()).append('\n');
                ids.add(f.path() + ":" + f.line() + " " + f.rule().id());
            });
        }
        // The checker's findings cover the location rules, which differ by folder, and the literal token in each.
        assertEquals(
                List.of(
                        ".npmrc:1 unread-config",
                        ".npmrc:2 literal-credential",
                        ".npmrc:5 preflight-variable",
                        "a/frontend/.npmrc:2 literal-credential",
                        "a/frontend/.npmrc:4 optional-placeholder",
                        "a/frontend/.npmrc:5 preflight-variable",
                        "a/frontend/.npmrc:5 project-placeholder",
                        "b/frontend/.npmrc:2 literal-credential",
                        "b/frontend/.npmrc:5 preflight-variable",
                        "c/.npmrc:1 unread-config",
                        "c/.npmrc:2 literal-credential",
                        "c/.npmrc:5 preflight-variable"),
                ids.stream().sorted().toList());
        TestTokens.assertNoFragment(output.toString(), token, "the findings");
    }

    @Test
    void contentOnlyRulesAtTheHeadRunOncePerContentAndTheRestForEveryFile() {
        CountingRule head = new CountingRule();
        CountingRule afterLocation = new CountingRule();
        Rule location = new UnreadConfigRule();
        DocumentChecker checker = new DocumentChecker(List.of(head, location, afterLocation), new RenderedKeys());
        ConfigDocument parsed = Docs.parse(".npmrc", "registry=https://registry.npmjs.org/\n");
        Object one = new Object();
        Object other = new Object();
        checker.check(at(parsed, "a/.npmrc", "", ""), one);
        checker.check(at(parsed, "b/.npmrc", "", "frontend"), one);
        checker.check(at(parsed, "c/.npmrc", "", ""), other);
        checker.check(at(parsed, "d/.npmrc", "", ""), null); // no token: nothing known, every rule runs
        assertEquals(3, head.runs, "once for each of the two contents, and for the one without a token");
        assertEquals(4, afterLocation.runs, "a content-only rule after one that reads the folder runs every time");
        assertEquals(
                List.of("b/.npmrc:1 counting", "b/.npmrc:1 unread-config", "b/.npmrc:1 counting"),
                checker.check(at(parsed, "b/.npmrc", "", "frontend"), one).stream()
                        .map(f -> f.path() + ":" + f.line() + " " + f.rule().id())
                        .toList());
        assertEquals(FileKind.NPMRC, parsed.kind());
    }
}
