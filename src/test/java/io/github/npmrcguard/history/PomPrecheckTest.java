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
    private static final String EXEC = "<build><plugins><plugin><groupId>org.codehaus.mojo</groupId>"
            + "<artifactId>exec-maven-plugin</artifactId><configuration>\n";

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
        // Placeholders the pom rules read as such: for nothing the file defines, or quoted.
        assertTrue(
                plain(pom(FRONTEND + "  <environmentVariables>\n    <NODE_AUTH_TOKEN>\n      \"${env.NODE_AUTH_TOKEN}\""
                        + "\n    </NODE_AUTH_TOKEN>\n    <YARN_NPM_AUTH_IDENT>${ci.ident}</YARN_NPM_AUTH_IDENT>\n"
                        + "  </environmentVariables>\n  <npmRegistryURL>https://ci:${env.NPM_PASSWORD}@r.example/</npmRegistryURL>\n"
                        + "  <arguments>run build --registry=https://r.example/</arguments>\n" + FRONTEND_END)));
        assertTrue(plain("<project><properties><other>" + tokens.opaque(30) + "</other></properties>"
                + FRONTEND + "<environmentVariables><NPM_TOKEN>${npm.token}</NPM_TOKEN></environmentVariables>"
                + FRONTEND_END + "</project>"));
        // XML's predefined references, read as the parser reads them: here they spell nothing a rule reports.
        assertTrue(plain(pom(FRONTEND + "<arguments>run build -- --if (a &gt; b &amp;&amp; c &lt; d) "
                + "&quot;x&quot; &apos;y&apos;</arguments>" + FRONTEND_END)));
        // An ampersand outside text (a comment, an attribute value) is in no setting.
        assertTrue(plain(pom("<!-- node & yarn versions used for build -->\n" + FRONTEND
                + "<environmentVariables><NPM_TOKEN a=\"x&amp;y\">${env.NPM_TOKEN}</NPM_TOKEN>"
                + "</environmentVariables>" + FRONTEND_END)));
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
                "a&#38;b",
                "&#x41;",
                "&nbsp;",
                "a&b",
                "a&amp",
                "<![CDATA[x]]>",
                "x<!-- c -->",
                "<!-- c -->x",
                "x<y/>",
                "<y/>x",
                "x<?pi?>")) {
            assertFalse(plain(pom(String.format(inside, odd))), odd);
        }
        assertFalse(plain("<!DOCTYPE project>\n" + pom(FRONTEND + FRONTEND_END)));
        // A character reference in any element's text, after an ampersand in a comment or an attribute.
        assertFalse(plain(pom("<!-- a & b -->" + FRONTEND + "<x a=\"&amp;\"/><description>node &#38; yarn"
                + "</description>" + FRONTEND_END)));
        String secret = tokens.opaque(30);
        for (String reported : List.of(
                pom(FRONTEND + "<environmentVariables><NPM_TOKEN>" + secret + "</NPM_TOKEN></environmentVariables>"
                        + FRONTEND_END),
                pom(FRONTEND + "<environmentVariables><NODE_AUTH_TOKEN>abc${env.X}</NODE_AUTH_TOKEN>"
                        + "</environmentVariables>" + FRONTEND_END),
                pom("<properties><npm.token>" + secret + "</npm.token></properties>" + FRONTEND
                        + "<environmentVariables><CI_NPM_TOKEN>${npm.token}</CI_NPM_TOKEN></environmentVariables>"
                        + FRONTEND_END),
                pom(FRONTEND + "<arguments>publish --//r.example/:_authToken=" + secret + "</arguments>"
                        + FRONTEND_END),
                pom(FRONTEND + "<arguments>NPM_TOKEN=" + secret + " npm publish</arguments>" + FRONTEND_END),
                pom(FRONTEND + "<arguments>config set //r.example/:_password " + secret + "</arguments>"
                        + FRONTEND_END),
                pom(FRONTEND + "<arguments>'--//r.example/:_authT'oken=" + secret + "</arguments>" + FRONTEND_END),
                pom(FRONTEND + "<arguments>&apos;--//r.example/:_a&apos;uth=" + secret + "</arguments>" + FRONTEND_END),
                pom(FRONTEND + "<arguments>--//r.example/:_pass&quot;&quot;word=" + secret + " install</arguments>"
                        + FRONTEND_END),
                pom(EXEC + "<arguments><argument>--//r.example/:_authToken</argument><argument>" + secret
                        + "</argument></arguments>" + FRONTEND_END),
                pom(FRONTEND + "<npmRegistryURL>https://ci:" + secret + "@r.example/</npmRegistryURL>" + FRONTEND_END),
                pom("<properties><reg>https://ci:" + secret + "@r.example/</reg></properties>" + FRONTEND
                        + "<npmRegistryURL>${reg}</npmRegistryURL>" + FRONTEND_END),
                pom("<properties><pw>" + secret + "</pw></properties>" + FRONTEND
                        + "<arguments>--registry=https://ci:${pw}@r.example/</arguments>" + FRONTEND_END))) {
            byte[] bytes = reported.getBytes(StandardCharsets.UTF_8);
            assertFalse(errors(bytes).isEmpty(), "the rules report it");
            assertFalse(PomPrecheck.plain(bytes));
        }
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
                        "pom-literal-env-token",
                        "pom-literal-argument-token",
                        "pom-credentials-in-url",
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
        java.util.Set<String> rules = new java.util.TreeSet<>();
        for (String base : poms) {
            for (int k = 0; k < 40; k++) {
                String text = k == 0 ? base : variant(base, r);
                byte[] bytes = (r.nextInt(8) == 0 ? text.replace("\n", "\r\n") : text).getBytes(StandardCharsets.UTF_8);
                List<Finding> errors = errors(bytes);
                errors.forEach(e -> rules.add(e.rule().id()));
                boolean found = !errors.isEmpty();
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
        assertEquals(
                HistoryScanner.RULES.stream()
                        .map(x -> x.info().id())
                        .filter(id -> !id.equals("credentials-in-url") && !id.startsWith("placeholder"))
                        .filter(id -> !id.equals("literal-credential"))
                        .sorted()
                        .toList(),
                List.copyOf(rules),
                "the rules the variants make report");
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
        String element = List.of(
                        "NPM_AUTH", "NPM_TOKEN", "NODE_AUTH_TOKEN", "YARN_NPM_AUTH_IDENT", "npm_config__auth", "REG")
                .get(r.nextInt(6));
        String properties = "";
        if (r.nextInt(4) == 0) {
            // The value read through a property of the file, which holds the secret or a placeholder.
            properties = "<properties><npm.token>" + (r.nextBoolean() ? value : "${env.NPM_TOKEN}")
                    + "</npm.token></properties>\n";
            value = "${npm.token}";
        } else if (r.nextInt(4) == 0) {
            value = List.of("${env.NPM_TOKEN}", "\"${env.NPM_TOKEN}\"", "abc${env.NPM_TOKEN}", "${npm.token}")
                    .get(r.nextInt(4));
        }
        String header = FRONTEND;
        String snippet =
                switch (r.nextInt(13)) {
                    case 0 ->
                        "<environmentVariables><" + element + ">" + value + "</" + element + ">"
                                + "</environmentVariables>";
                    case 1 -> "<arguments>" + value + "</arguments>";
                    case 2 -> "<npmRegistryURL>" + value + "</npmRegistryURL>";
                    case 3 -> "<!-- " + value + " -->";
                    case 4 -> "<arguments>publish --//r.example/:_authToken=" + value + "</arguments>";
                    case 5 -> "<arguments>NPM_TOKEN=" + value + " npm publish</arguments>";
                    case 6 -> "<arguments>config set //r.example/:_auth " + value + "</arguments>";
                    case 7 -> {
                        String q = r.nextBoolean() ? "\"" : "&quot;";
                        yield "<arguments>" + q + "--//r.example/:_pass" + q + "word=" + value + " install</arguments>";
                    }
                    case 8 -> "<npmRegistryURL>https://ci:" + value + "@r.example/</npmRegistryURL>";
                    case 9 ->
                        "<environmentVariables><" + element + ">https://" + value + "@r.example/</" + element + ">"
                                + "</environmentVariables>";
                    case 10 -> "<arguments>install --registry=https://u:" + value + "@r.example/</arguments>";
                    case 11 -> {
                        header = EXEC;
                        yield "<arguments><argument>--//r.example/:_authToken</argument><argument>" + value
                                + "</argument></arguments>";
                    }
                    default -> "<x>" + (r.nextBoolean() ? "" : "1 &lt; 2 &amp;&amp; ") + value + "</x>";
                };
        String plugin = properties + header + snippet + "\n" + FRONTEND_END;
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
