package io.github.npmrcguard.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.Provenance;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.rules.ConfigDocument;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.FindingSink;
import io.github.npmrcguard.rules.PreflightVariableRule;
import io.github.npmrcguard.rules.Rule;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.rules.Severity;
import io.github.npmrcguard.scan.DocumentReader;
import io.github.npmrcguard.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules that say they read only content ({@link Rule#readsContentOnly}) find the same at any path and in
 * any folder: a scan replays their findings for a repeated content, so one that looked at where its file is
 * would report the first file's verdict for every copy. Checked over the generated corpus, with folders that
 * do change what the other rules report.
 */
class ContentOnlyRulesTest {
    /** Two places for the same content, as far apart as the folder facts go. */
    private static final ConfigDocument.FolderFacts PNPM_FRONTEND_BELOW =
            new ConfigDocument.FolderFacts(() -> "pnpm", () -> "src/main/frontend");

    private static final ConfigDocument.FolderFacts YARN_CLASSIC =
            new ConfigDocument.FolderFacts(() -> "yarn 1", () -> "");

    private static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>(RuleCatalogue.rules());
        // Its environment is fixed for a scan; the variables named here are set in one and not in the other.
        rules.add(new PreflightVariableRule(Map.of("NPM_TOKEN", "set"), Severity.WARNING));
        return rules;
    }

    @Test
    void contentOnlyRulesFindTheSameWhereverTheFileIs() {
        List<ConfigDocument[]> pairs = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (CorpusGenerator.Case c : new CorpusGenerator().generate()) {
            pairs.add(pair(c.fileName(), c.content()));
            secrets.addAll(c.secrets());
        }
        // Content that the location rules judge differently in the two places, so that the check below can fail.
        pairs.add(pair(
                ".npmrc",
                ("registry=https://registry.npmjs.org/\n" + "//registry.npmjs.org/:_authToken=${NPM_TOKEN?}\n")
                        .getBytes(StandardCharsets.UTF_8)));
        int contentOnly = 0;
        int differingElsewhere = 0;
        StringBuilder output = new StringBuilder();
        for (Rule rule : rules()) {
            for (ConfigDocument[] pair : pairs) {
                List<String> here = run(rule, pair[0]);
                List<String> there = run(rule, pair[1]);
                output.append(here).append(there);
                if (rule.readsContentOnly()) {
                    assertEquals(
                            here,
                            there,
                            rule.getClass().getSimpleName() + " says it reads only content, but finds"
                                    + " differently at " + pair[0].path() + " and " + pair[1].path());
                } else if (!here.equals(there)) {
                    differingElsewhere++;
                }
            }
            contentOnly += rule.readsContentOnly() ? 1 : 0;
        }
        assertTrue(contentOnly >= 15, "most rules read only content: " + contentOnly);
        assertTrue(
                differingElsewhere >= 3, "the two places change what the location rules find: " + differingElsewhere);
        for (String secret : secrets) {
            TestTokens.assertNoFragment(output.toString(), secret, "the findings");
        }
    }

    /** Findings without the path, which a replay replaces. */
    private static List<String> run(Rule rule, ConfigDocument doc) {
        FindingSink sink = new FindingSink(doc.path(), doc.kind());
        rule.check(doc, sink);
        List<String> out = new ArrayList<>();
        for (Finding f : sink.findings()) {
            out.add(f.line() + " " + f.rule().id() + " " + f.severity() + " " + f.what() + " | " + f.key() + " | "
                    + f.fingerprint() + " | " + f.note());
        }
        return out;
    }

    private static ConfigDocument[] pair(String fileName, byte[] content) {
        ScanFile file =
                new ScanFile(fileName, Path.of(fileName), FileKind.ofFileName(fileName), Provenance.STAGED, content);
        ConfigDocument parsed = new DocumentReader().read(file).document();
        return new ConfigDocument[] {
            new ConfigDocument(
                    "mod-a/" + fileName, parsed.kind(), parsed.lines(), parsed.settings(), PNPM_FRONTEND_BELOW),
            new ConfigDocument(
                    "node_modules/pkg/deep/" + fileName, parsed.kind(), parsed.lines(), parsed.settings(), YARN_CLASSIC)
        };
    }
}
