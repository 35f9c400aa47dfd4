package io.github.npmrcguard.rules;

import static io.github.npmrcguard.testsupport.RuleHarness.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.testsupport.RuleHarness;
import io.github.npmrcguard.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two reasons {@link RuleCatalogue}'s order matters, each held by a test that a reordering breaks. */
class RuleCatalogueOrderTest {
    private final TestTokens tokens = new TestTokens(16);
    private final RuleHarness catalogue = RuleHarness.forCatalogue();

    // ---- error suppression: the rules that name what a line holds run first; KnownTokenRule then stays quiet

    /** The catalogue with the catch-all token rule moved to the front: each case below must tell it apart. */
    private static RuleHarness knownTokenFirst() {
        List<Rule> rules = new ArrayList<>(RuleCatalogue.rules());
        Rule knownToken = rules.stream()
                .filter(r -> r instanceof KnownTokenRule)
                .findFirst()
                .orElseThrow();
        rules.remove(knownToken);
        rules.add(0, knownToken);
        return RuleHarness.forRules(rules);
    }

    @Test
    void aTokenInAnAuthKeyIsOneLiteralCredentialNotAlsoAKnownToken() {
        String t = tokens.npm();
        String npmrc = "//npm.acme.example/:_authToken=" + t + "\n";
        RuleHarness.Expected one = error("literal-credential", 1, "//npm.acme.example/:_authToken");
        catalogue.hiding(t).test(".npmrc", npmrc, one);
        assertThrows(AssertionError.class, () -> knownTokenFirst().test(".npmrc", npmrc, one));
    }

    @Test
    void aTokenInARegistryUrlIsOneCredentialsInUrlNotAlsoAKnownToken() {
        String t = tokens.githubClassic();
        String npmrc = "registry=https://bob:" + t + "@npm.acme.example/\n";
        RuleHarness.Expected one = error("credentials-in-url", 1, "registry");
        catalogue.hiding(t).test(".npmrc", npmrc, one);
        assertThrows(AssertionError.class, () -> knownTokenFirst().test(".npmrc", npmrc, one));
    }

    @Test
    void aTokenInAFrontendPluginsEnvironmentIsOnePomFindingNotAlsoAKnownToken() {
        String t = tokens.npm();
        String pom = "<project>\n  <build>\n    <plugins>\n      <plugin>\n"
                + "        <groupId>com.github.eirslett</groupId>\n"
                + "        <artifactId>frontend-maven-plugin</artifactId>\n"
                + "        <configuration>\n          <environmentVariables>\n"
                + "            <NPM_TOKEN>" + t + "</NPM_TOKEN>\n"
                + "          </environmentVariables>\n        </configuration>\n"
                + "      </plugin>\n    </plugins>\n  </build>\n</project>\n";
        RuleHarness.Expected one =
                error("pom-literal-env-token", 9, "frontend-maven-plugin environmentVariables/NPM_TOKEN");
        catalogue.hiding(t).test("pom.xml", pom, one);
        assertThrows(AssertionError.class, () -> knownTokenFirst().test("pom.xml", pom, one));
    }

    // ---- content-only caching: DocumentChecker runs the leading content-only rules once per distinct content

    @Test
    void everyContentOnlyRuleComesBeforeTheFirstRuleThatLooksAtTheFolder() {
        List<Rule> rules = RuleCatalogue.rules();
        int firstLocationRule = 0;
        while (firstLocationRule < rules.size() && rules.get(firstLocationRule).readsContentOnly()) {
            firstLocationRule++;
        }
        List<String> cachedNever = new ArrayList<>();
        for (Rule r : rules.subList(firstLocationRule, rules.size())) {
            if (r.readsContentOnly()) {
                cachedNever.add(r.info().id());
            }
        }
        assertEquals(
                List.of(),
                cachedNever,
                "content-only rules after the first rule that reads the folder run for every file: move them up");
        assertTrue(firstLocationRule >= 15, "most rules read only content: " + firstLocationRule);
    }
}
