package io.github.npmrcguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.rules.RuleInfo;
import io.github.npmrcguard.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesReferenceTest {
    private static final Path EXAMPLES = Path.of("src/site/rule-examples");

    @Test
    void everyRuleOfTheCatalogueHasItsSectionWithHelpAndExample() throws Exception {
        String page = RulesReference.render(RuleCatalogue.infos(), EXAMPLES);
        for (RuleInfo r : RuleCatalogue.infos()) {
            assertTrue(page.contains("\n## " + r.id() + "\n"), r.id());
            assertTrue(page.contains("| [`" + r.id() + "`](#" + r.id() + ") |"), r.id());
            assertTrue(page.contains(RulesReference.text(r.help())), r.id());
        }
        assertTrue(page.contains("**Example**"));
    }

    @Test
    void aRuleWithoutExampleAndAnExampleWithoutRuleStopTheBuild(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("gone-rule.md"), "**Example**: x\n");
        List<RuleInfo> rules = new ArrayList<>(List.of(new RuleInfo("new-rule", Severity.WARNING, "New", "Help.")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RulesReference.render(rules, tmp));
        assertTrue(e.getMessage().contains("rule new-rule has no example"), e.getMessage());
        assertTrue(e.getMessage().contains("gone-rule.md names no rule"), e.getMessage());
    }

    @Test
    void catalogueTextIsNeitherMarkdownNorHtml() {
        assertEquals(
                "in \\_auth, &lt;environmentVariables&gt; \\*x\\* a &amp; b \\`c\\`",
                RulesReference.text("in _auth, <environmentVariables> *x* a & b `c`"));
    }

    @Test
    void mainWritesThePage(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("markdown/rules.md");
        RulesReference.main(new String[] {EXAMPLES.toString(), out.toString()});
        assertTrue(Files.readString(out).startsWith("# Rules reference\n"));
    }
}
