package io.github.npmrcguard.testsupport;

import static io.github.npmrcguard.testsupport.RuleHarness.error;
import static io.github.npmrcguard.testsupport.RuleHarness.warning;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.rules.ConfigDocument;
import io.github.npmrcguard.rules.FindingSink;
import io.github.npmrcguard.rules.Rule;
import io.github.npmrcguard.rules.RuleInfo;
import io.github.npmrcguard.rules.Secret;
import io.github.npmrcguard.rules.Severity;
import org.junit.jupiter.api.Test;

/** The harness fails whenever the findings differ from the ones expected: a harness that cannot fail proves nothing. */
class RuleHarnessTest {
    private static final RuleInfo FAKE = new RuleInfo("fake-rule", Severity.ERROR, "Fake", "For the harness's test.");

    /** An error at each setting whose value is "bad", a warning at each "meh"; "leak" prints its own value. */
    private static final Rule RULE = new Rule() {
        @Override
        public RuleInfo info() {
            return FAKE;
        }

        @Override
        public void check(ConfigDocument doc, FindingSink sink) {
            for (Setting s : doc.settings()) {
                if (s.value().equals("bad")) {
                    sink.report(FAKE, s.line(), "bad value", s.key(), Secret.of(s.value()));
                } else if (s.value().equals("meh")) {
                    sink.report(FAKE, Severity.WARNING, s.line(), "so-so value", s.key(), Secret.none());
                } else if (s.key().equals("leak")) {
                    sink.report(FAKE, s.line(), "value " + s.value(), s.key(), Secret.none());
                }
            }
        }
    };

    private final RuleHarness harness = RuleHarness.forRules(RULE);

    @Test
    void passesWhenTheFindingsAreTheOnesExpectedInAnyOrder() {
        harness.test(".npmrc", "a=meh\nb=bad\n", error("fake-rule", 2, "b"), warning("fake-rule", 1, "a"));
        harness.testNoFindings(".npmrc", "a=fine\n");
    }

    @Test
    void failsWhenAnyPartOfAFindingDiffers() {
        String npmrc = "a=ok\nb=bad\n";
        harness.test(".npmrc", npmrc, error("fake-rule", 2, "b"));
        assertThrows(AssertionError.class, () -> harness.test(".npmrc", npmrc, error("other-rule", 2, "b")));
        assertThrows(AssertionError.class, () -> harness.test(".npmrc", npmrc, error("fake-rule", 1, "b")));
        assertThrows(AssertionError.class, () -> harness.test(".npmrc", npmrc, warning("fake-rule", 2, "b")));
        assertThrows(AssertionError.class, () -> harness.test(".npmrc", npmrc, error("fake-rule", 2, "a")));
    }

    @Test
    void failsOnAFindingMissingOrOneTooMany() {
        assertThrows(AssertionError.class, () -> harness.testNoFindings(".npmrc", "b=bad\n"));
        assertThrows(AssertionError.class, () -> harness.test(".npmrc", "b=bad\nc=bad\n", error("fake-rule", 2, "c")));
        assertThrows(
                AssertionError.class,
                () -> harness.test(".npmrc", "b=bad\n", error("fake-rule", 1, "b"), error("fake-rule", 1, "b")));
        assertThrows(AssertionError.class, () -> harness.test(".npmrc", "a=fine\n", warning("fake-rule", 1, "a")));
    }

    @Test
    void failsWhenAFindingPrintsASecretItWasToHide() {
        String secret = new TestTokens(3).opaque(24);
        harness.hiding(secret).test(".npmrc", "b=bad\n", error("fake-rule", 1, "b"));
        assertThrows(AssertionError.class, () -> harness.hiding(secret)
                .test(".npmrc", "leak=" + secret + "\n", error("fake-rule", 1, "leak")));
    }
}
