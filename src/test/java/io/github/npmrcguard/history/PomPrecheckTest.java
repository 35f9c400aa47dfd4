package io.github.npmrcguard.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.Provenance;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.rules.Severity;
import io.github.npmrcguard.scan.DocumentReader;
import io.github.npmrcguard.secrets.TokenCatalogue;
import io.github.npmrcguard.secrets.TokenFormat;
import io.github.npmrcguard.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The history's pom pre-check: it skips only poms the credential rules find nothing in. */
class PomPrecheckTest {
    private static final String FRONTEND = "<build><plugins><plugin><groupId>com.github.eirslett</groupId>"
            + "<artifactId>frontend-maven-plugin</artifactId><configuration>\n"
            + "  <workingDirectory>frontend</workingDirectory>\n";
    private static final String FRONTEND_END = "</configuration></plugin></plugins></build>\n";

    private final TestTokens tokens = new TestTokens(20261207);

    private static String pom(String inside) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <!-- a module -->\n  <modelVersion>4.0.0</modelVersion>\n  <artifactId>web</artifactId>\n"
                + "  <version>1.2.0</version>\n" + inside + "</project>\n";
    }

    private static boolean plain(String text) {
        return PomPrecheck.plain(text.getBytes(StandardCharsets.UTF_8));
    }

    /** What the history keeps of one pom version: the error-level findings of its rules. */
    private static List<Finding> errors(byte[] bytes) {
        ScanFile file = new ScanFile("pom.xml", null, FileKind.POM, Provenance.COMMITTED, bytes);
        List<Finding> out = new ArrayList<>();
        for (Finding f : RuleCatalogue.check(new DocumentReader().read(file).document(), HistoryScanner.RULES)) {
            if (f.severity() == Severity.ERROR) {
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void aFrontendPomPassingTokensByReferenceIsNotParsed() {
        assertTrue(plain(pom("")));
        assertTrue(plain(pom(FRONTEND + "  <environmentVariables><NPM_TOKEN>${env.NPM_TOKEN}</NPM_TOKEN>"
                + "</environmentVariables>\n  <arguments>install --registry=https://r.example/</arguments>\n"
                + FRONTEND_END)));
        assertTrue(plain(pom(FRONTEND.replace("\n", "\r\n") + FRONTEND_END)));
        // A value that is base64 of something else: still nothing to report.
        assertTrue(plain(pom(FRONTEND + "<environmentVariables><NPM_AUTH>"
                + TestTokens.base64("ci-user:" + tokens.opaque(20)) + "</NPM_AUTH></environmentVariables>"
                + FRONTEND_END)));
    }

    @Test
    void whatTheRulesReportOrTheCheckCannotVouchForIsParsed() {
        for (String token : List.of(
                tokens.npm(),
                tokens.githubClassic(),
                tokens.githubFineGrained(),
                tokens.gitlab(),
                tokens.gitlabJob(),
                tokens.jfrogApiKey(),
                tokens.jfrogReference(),
                tokens.jwt())) {
            assertFalse(plain(pom("<x>" + token + "</x>")));
            assertFalse(plain(pom(FRONTEND + "<environmentVariables><NPM_AUTH>" + TestTokens.base64("ci-user:" + token)
                    + "</NPM_AUTH></environmentVariables>" + FRONTEND_END)));
        }
        assertFalse(plain(pom("<k>-----BEGIN RSA PRIVATE KEY-----</k>")));
        String inside = FRONTEND + "<environmentVariables><A>%s</A></environmentVariables>" + FRONTEND_END;
        for (String odd : List.of(
                "a&amp;b", "&#x41;", "<![CDATA[x]]>", "x<!-- c -->", "<!-- c -->x", "x<y/>", "<y/>x", "x<?pi?>")) {
            assertFalse(plain(pom(String.format(inside, odd))), odd);
        }
        assertFalse(plain("<!DOCTYPE project>\n" + pom(FRONTEND + FRONTEND_END)));
        // In UTF-16 a token's bytes are not its ASCII bytes: such a pom is read.
        assertFalse(PomPrecheck.plain(pom("").getBytes(StandardCharsets.UTF_16)));
        assertFalse(PomPrecheck.plain(pom("").getBytes(StandardCharsets.UTF_16LE)));
    }

    /** The check is reasoned for these rules; another credential rule needs the reasoning (and the check) redone. */
    @Test
    void theRulesTheCheckWasReasonedForAreTheHistorysRules() {
        assertEquals(
                List.of(
                        "literal-credential",
                        "placeholder-with-literal",
                        "credentials-in-url",
                        "private-key",
                        "known-token"),
                HistoryScanner.RULES.stream().map(r -> r.info().id()).toList(),
                "a rule was added to or removed from the history: re-check PomPrecheck's reasoning against it");
    }

    @Test
    void theTokenKeywordsAreTheCataloguesPrefixes() {
        for (TokenFormat f : TokenFormat.values()) {
            for (String k : f.keywords()) {
                assertTrue(TokenCatalogue.prefixes().contains(k), f.name());
            }
        }
    }

    /**
     * Soundness: every error the history's rules give in the test suite's poms, and in those poms with a
     * secret put in each place a pom can carry one, in every spelling XML allows, is still found with the
     * check on: a pom with an error is never skipped.
     */
    @Test
    void everyPomWithAFindingIsParsed() throws IOException {
        List<String> poms = new ArrayList<>();
        for (Path root : List.of(Path.of("src/test/resources"), Path.of("src/it"))) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.getFileName().toString().equals("pom.xml"))
                        .sorted()
                        .forEach(p -> {
                            try {
                                poms.add(Files.readString(p, StandardCharsets.UTF_8));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
            }
        }
        poms.add(pom(FRONTEND + FRONTEND_END));
        assertTrue(poms.size() > 50, "the corpus: " + poms.size());

        Random r = new Random(20261207);
        int withErrors = 0;
        int skipped = 0;
        int cases = 0;
        for (String base : poms) {
            for (int k = 0; k < 40; k++) {
                String text = k == 0 ? base : variant(base, r);
                byte[] bytes = (r.nextInt(8) == 0 ? text.replace("\n", "\r\n") : text).getBytes(StandardCharsets.UTF_8);
                boolean found = !errors(bytes).isEmpty();
                boolean plain = PomPrecheck.plain(bytes);
                cases++;
                if (found) {
                    withErrors++;
                    assertFalse(plain, "case " + cases + " (pom " + poms.indexOf(base) + ", variant " + k + ")");
                } else if (plain) {
                    skipped++;
                }
            }
        }
        assertTrue(withErrors > cases / 4, "variants with an error: " + withErrors + " of " + cases);
        assertTrue(skipped > cases / 10, "variants skipped: " + skipped + " of " + cases);
    }

    /** The pom with a secret (or a decoy) put into it: in a plugin's settings or anywhere, spelled some way. */
    private String variant(String base, Random r) {
        String secret =
                switch (r.nextInt(5)) {
                    case 0 -> tokens.npm();
                    case 1 -> tokens.githubClassic();
                    case 2 -> tokens.jwt();
                    case 3 -> "-----BEGIN RSA PRIVATE KEY-----";
                    default -> tokens.opaque(30);
                };
        String value =
                switch (r.nextInt(8)) {
                    case 0 -> secret;
                    case 1 -> TestTokens.base64(secret);
                    case 2 -> TestTokens.base64("ci-user:" + secret);
                    case 3 -> charReferences(secret, r);
                    case 4 -> split(secret, r, "<!-- x -->");
                    case 5 -> split(TestTokens.base64(secret), r, r.nextBoolean() ? "<!---->" : "<?pi?>");
                    case 6 -> "<![CDATA[" + TestTokens.base64("u:" + secret) + "]]>";
                    default -> " \u2003" + TestTokens.base64(secret) + "\u00a0\n ";
                };
        String element = "NPM_" + (r.nextBoolean() ? "AUTH" : "TOKEN");
        String snippet =
                switch (r.nextInt(5)) {
                    case 0 ->
                        "<environmentVariables><" + element + ">" + value + "</" + element + ">"
                                + "</environmentVariables>";
                    case 1 -> "<arguments>" + value + "</arguments>";
                    case 2 -> "<npmRegistryURL>" + value + "</npmRegistryURL>";
                    case 3 -> "<!-- " + value + " -->";
                    default -> "<x>" + value + "</x>";
                };
        String plugin = FRONTEND + snippet + "\n" + FRONTEND_END;
        int at = base.lastIndexOf("</project>");
        return at < 0 ? base + plugin : base.substring(0, at) + plugin + base.substring(at);
    }

    private static String charReferences(String s, Random r) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(r.nextInt(3) == 0 ? "&#x" + Integer.toHexString(c) + ";" : String.valueOf(c));
        }
        return out.toString();
    }

    private static String split(String s, Random r, String markup) {
        int at = 1 + r.nextInt(Math.max(1, s.length() - 1));
        return s.substring(0, at) + markup + s.substring(at);
    }
}
