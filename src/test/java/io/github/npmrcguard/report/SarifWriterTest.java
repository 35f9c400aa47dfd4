package io.github.npmrcguard.report;

import static io.github.npmrcguard.report.ReportFixtures.ALWAYS_AUTH;
import static io.github.npmrcguard.report.ReportFixtures.FINDINGS;
import static io.github.npmrcguard.report.ReportFixtures.LITERAL;
import static io.github.npmrcguard.report.ReportFixtures.PLACEHOLDER;
import static io.github.npmrcguard.report.ReportFixtures.RULES;
import static io.github.npmrcguard.report.ReportFixtures.URL;
import static io.github.npmrcguard.testsupport.JsonReader.array;
import static io.github.npmrcguard.testsupport.JsonReader.at;
import static io.github.npmrcguard.testsupport.JsonReader.integer;
import static io.github.npmrcguard.testsupport.JsonReader.object;
import static io.github.npmrcguard.testsupport.JsonReader.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.RuleInfo;
import io.github.npmrcguard.rules.Severity;
import io.github.npmrcguard.testsupport.JsonReader;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SarifWriterTest {

    private final SarifWriter writer = new SarifWriter("1.2.3");

    private Object parse(List<Finding> findings, List<RuleInfo> rules) {
        return JsonReader.parse(writer.toJson(findings, rules));
    }

    private static Finding finding(String path, int line, RuleInfo rule, Severity severity, String fingerprint) {
        return new Finding(path, line, rule, severity, "literal npm access token", "_authToken", fingerprint, "");
    }

    @Test
    void headerAndDriverDescribeTheTool() {
        Object log = parse(FINDINGS, RULES);

        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", string(log, "$schema"));
        assertEquals("2.1.0", string(log, "version"));
        assertEquals(1, array(log, "runs").size());
        Map<String, Object> driver = object(log, "runs", 0, "tool", "driver");
        assertEquals("npmrc-guard", driver.get("name"));
        assertEquals("1.2.3", driver.get("version"));
        assertTrue(URI.create((String) driver.get("informationUri")).isAbsolute());
    }

    @Test
    void oneRuleDescriptorPerRuleWithHelpAndDefaultLevel() {
        Object log = parse(FINDINGS, RULES);

        List<Object> rules = array(log, "runs", 0, "tool", "driver", "rules");
        assertEquals(RULES.size(), rules.size());
        for (int i = 0; i < RULES.size(); i++) {
            RuleInfo info = RULES.get(i);
            Object rule = rules.get(i);
            assertEquals(info.id(), string(rule, "id"));
            assertEquals(info.title() + ".", string(rule, "shortDescription", "text"));
            assertEquals(info.help(), string(rule, "fullDescription", "text"));
            assertEquals(info.help(), string(rule, "help", "text"));
            assertEquals(
                    info.severity() == Severity.ERROR ? "error" : "warning",
                    string(rule, "defaultConfiguration", "level"));
            assertTrue(string(rule, "name").matches("[A-Z][A-Za-z0-9]*"), string(rule, "name"));
        }
        assertEquals("LiteralCredential", string(rules.get(0), "name"));
    }

    @Test
    void eachResultHasItsRuleIndexLevelRelativeUriAndLine() {
        Object log = parse(FINDINGS, RULES);

        List<Object> results = array(log, "runs", 0, "results");
        List<Object> rules = array(log, "runs", 0, "tool", "driver", "rules");
        assertEquals(FINDINGS.size(), results.size());
        for (int i = 0; i < FINDINGS.size(); i++) {
            Finding f = FINDINGS.get(i);
            Object r = results.get(i);
            assertEquals(f.rule().id(), string(r, "ruleId"));
            assertEquals(f.rule().id(), string(rules.get(integer(r, "ruleIndex")), "id"));
            assertEquals(f.severity().sarifLevel(), string(r, "level"));
            Object location = at(r, "locations", 0, "physicalLocation");
            String uri = string(location, "artifactLocation", "uri");
            assertEquals("%SRCROOT%", string(location, "artifactLocation", "uriBaseId"));
            assertFalse(URI.create(uri).isAbsolute(), uri);
            assertFalse(uri.startsWith("/"), uri);
            assertEquals(f.path(), URI.create(uri).getPath(), "the URI decodes to the path");
            assertEquals(f.line(), integer(location, "region", "startLine"));
        }
        assertTrue(object(log, "runs", 0, "originalUriBaseIds").containsKey("%SRCROOT%"));
    }

    @Test
    void theResultLevelIsTheFindingsNotTheRulesDefault() {
        Finding downgraded = finding(".npmrc", 3, LITERAL, Severity.WARNING, "0a1b2c3d");

        Object log = parse(List.of(downgraded), RULES);

        assertEquals("warning", string(log, "runs", 0, "results", 0, "level"));
        assertEquals("error", string(log, "runs", 0, "tool", "driver", "rules", 0, "defaultConfiguration", "level"));
    }

    @Test
    void noFindingsGivesAnEmptyResultsArrayAndStillListsTheRules() {
        Object log = parse(List.of(), RULES);

        assertEquals(List.of(), array(log, "runs", 0, "results"));
        assertEquals(
                RULES.size(), array(log, "runs", 0, "tool", "driver", "rules").size());
    }

    @Test
    void messageIsTheLogLineWithoutLocationAndRuleAsASentence() {
        List<Object> results = array(parse(FINDINGS, RULES), "runs", 0, "results");

        assertEquals(
                "literal npm access token in //registry.npmjs.org/:_authToken (fingerprint 0a1b2c3d).",
                string(results.get(0), "message", "text"));
        assertEquals(
                "literal npm access token in npmScopes.acme.npmAuthToken (fingerprint 3a4b5c6d;"
                        + " only in a file git ignores).",
                string(results.get(3), "message", "text"));
        assertEquals(
                "placeholder npm does not expand in //registry.npmjs.org/:_authToken ($NPM_TOKEN form).",
                string(results.get(4), "message", "text"));
        assertEquals("setting npm ignores in always-auth.", string(results.get(5), "message", "text"));
        assertEquals(
                "recognised token format in a comment (fingerprint 7d8e9f00).",
                string(results.get(6), "message", "text"));
    }

    @Test
    void aMessageThatAlreadyEndsWithAPeriodGetsNoSecondOne() {
        Finding f = new Finding(".npmrc", 1, ALWAYS_AUTH, Severity.WARNING, "email is ignored.", "", "", "");

        assertEquals("email is ignored.", SarifWriter.message(f));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                ".npmrc                 | .npmrc",
                "./web/.npmrc           | web/.npmrc",
                "my app/.npmrc          | my%20app/.npmrc",
                "'#2/.npmrc'            | %232/.npmrc",
                "100%/.npmrc            | 100%25/.npmrc",
                "a?b/.npmrc             | a%3Fb/.npmrc",
                "c:d/.npmrc             | c%3Ad/.npmrc",
                "a+b=c&d/.npmrc         | a%2Bb%3Dc%26d/.npmrc",
                "caf\u00e9/.npmrc       | caf%C3%A9/.npmrc",
                "\ud83d\ude80/.npmrc    | %F0%9F%9A%80/.npmrc",
                "back\\slash/.npmrc     | back%5Cslash/.npmrc",
                "a-b_c.d~e/.npmrc       | a-b_c.d~e/.npmrc",
            })
    void pathsArePercentEncodedRelativeUriReferences(String path, String expected) {
        String uri = SarifUris.relativeUri(path);

        assertEquals(expected, uri);
        URI parsed = URI.create(uri); // java.net.URI is RFC 2396 strict: no raw space, '#', '%', non-ASCII
        assertFalse(parsed.isAbsolute());
        assertEquals(path.startsWith("./") ? path.substring(2) : path, parsed.getPath());
    }

    @Test
    void anUnpairedSurrogateInAPathBecomesTheReplacementCharacter() {
        assertEquals("x%EF%BF%BDy/.npmrc", SarifUris.relativeUri("x\ud800y/.npmrc"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/.npmrc", "C:/repo/.npmrc", "../outside/.npmrc", "a/../../b/.npmrc"})
    void pathsOutsideTheScanRootAreRefused(String path) {
        Finding f = finding(path, 1, LITERAL, Severity.ERROR, "0a1b2c3d");

        assertThrows(IllegalArgumentException.class, () -> writer.toJson(List.of(f), RULES));
    }

    @Test
    void everyControlCharacterQuoteBackslashAndNonAsciiCharacterIsEscaped() {
        StringBuilder key = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            key.append(c);
        }
        key.append("\"\\/\u007f\u00e9\u2028\u2029\ud83d\ude80\ufeff");
        Finding f = new Finding(".npmrc", 1, LITERAL, Severity.ERROR, "what", key.toString(), "", "");

        String json = writer.toJson(List.of(f), RULES);

        assertTrue(
                json.chars().allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f),
                "pure printable ASCII plus line breaks between tokens");
        assertTrue(json.contains("\\u0000\\u0001"), "control characters as \\u escapes");
        assertTrue(json.contains("\\b\\t\\n\\u000b\\f\\r"), "the short escapes where JSON has them");
        assertTrue(json.contains("\\\"\\\\/"), "quote and backslash escaped, slash as is");
        assertTrue(json.contains("\\ud83d\\ude80"), "a supplementary character as its surrogate pair");
        assertEquals(
                "what in " + key + ".",
                string(JsonReader.parse(json), "runs", 0, "results", 0, "message", "text"),
                "the text survives a strict JSON reader unchanged");
    }

    @Test
    void unpairedSurrogatesInTextBecomeTheReplacementCharacter() {
        Finding f = new Finding(
                ".npmrc", 1, LITERAL, Severity.ERROR, "lone \ud800 high, lone \udc00 low, end \ud83d", "", "", "");

        String json = writer.toJson(List.of(f), RULES);

        assertEquals(
                "lone \ufffd high, lone \ufffd low, end \ufffd.",
                string(JsonReader.parse(json), "runs", 0, "results", 0, "message", "text"));
    }

    @Test
    void fingerprintIsStableAcrossWritersAndIgnoresLineAndLevelWhenThereIsASecret() {
        Finding a = finding("web/.npmrc", 3, LITERAL, Severity.ERROR, "0a1b2c3d");
        Finding movedDown = finding("web/.npmrc", 9, LITERAL, Severity.WARNING, "0a1b2c3d");

        assertEquals(fingerprint(a), fingerprint(movedDown));
        assertEquals(fingerprint(a), fingerprint(finding("./web/.npmrc", 3, LITERAL, Severity.ERROR, "0a1b2c3d")));
        assertEquals(fingerprint(a), fingerprint(new SarifWriter("9.9.9"), a));
        assertTrue(fingerprint(a).matches("[0-9a-f]{32}:1"), fingerprint(a));
    }

    @Test
    void fingerprintChangesWithRulePathOrSecret() {
        Finding a = finding("web/.npmrc", 3, LITERAL, Severity.ERROR, "0a1b2c3d");

        assertNotEquals(fingerprint(a), fingerprint(finding("web/.npmrc", 3, URL, Severity.ERROR, "0a1b2c3d")));
        assertNotEquals(fingerprint(a), fingerprint(finding("app/.npmrc", 3, LITERAL, Severity.ERROR, "0a1b2c3d")));
        assertNotEquals(fingerprint(a), fingerprint(finding("web/.npmrc", 3, LITERAL, Severity.ERROR, "0a1b2c3e")));
    }

    @Test
    void withoutASecretTheLineTellsFindingsApart() {
        Finding a = finding("web/.npmrc", 3, PLACEHOLDER, Severity.WARNING, "");

        assertEquals(fingerprint(a), fingerprint(finding("web/.npmrc", 3, PLACEHOLDER, Severity.WARNING, "")));
        assertNotEquals(fingerprint(a), fingerprint(finding("web/.npmrc", 4, PLACEHOLDER, Severity.WARNING, "")));
    }

    @Test
    void theSameSecretTwiceInAFileIsNumberedInLineOrderWhateverTheInputOrder() {
        Finding first = finding("web/.npmrc", 3, LITERAL, Severity.ERROR, "0a1b2c3d");
        Finding second = finding("web/.npmrc", 8, LITERAL, Severity.ERROR, "0a1b2c3d");

        List<String> inOrder = PartialFingerprints.of(List.of(first, second));
        List<String> reversed = PartialFingerprints.of(List.of(second, first));

        String base = inOrder.get(0).substring(0, 32);
        assertEquals(List.of(base + ":1", base + ":2"), inOrder);
        assertEquals(List.of(base + ":2", base + ":1"), reversed);
        Object log = parse(List.of(first, second), RULES);
        assertEquals(
                base + ":2", string(log, "runs", 0, "results", 1, "partialFingerprints", SarifWriter.FINGERPRINT_KEY));
    }

    @Test
    void aFingerprintThatIsNotEightHexDigitsIsRefusedWithoutEchoingIt() {
        String notAFingerprint = "not-a-fingerprint-value";
        Finding f = finding(".npmrc", 1, LITERAL, Severity.ERROR, notAFingerprint);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> writer.toJson(List.of(f), RULES));
        assertFalse(e.getMessage().contains(notAFingerprint), e.getMessage());
        assertTrue(e.getMessage().contains(".npmrc:1"), e.getMessage());
    }

    @Test
    void aFindingsRuleMissingFromTheGivenRulesIsAppended() {
        Finding f = finding(".npmrc", 1, URL, Severity.ERROR, "0a1b2c3d");

        Object log = parse(List.of(f), List.of(LITERAL, LITERAL));

        List<Object> rules = array(log, "runs", 0, "tool", "driver", "rules");
        assertEquals(
                List.of("literal-credential", "credential-in-url"),
                rules.stream().map(r -> string(r, "id")).toList());
        assertEquals(1, integer(log, "runs", 0, "results", 0, "ruleIndex"));
    }

    @Test
    void twoDifferentRulesWithOneIdAreRefused() {
        RuleInfo clash = new RuleInfo(LITERAL.id(), Severity.WARNING, "other", "other");

        assertThrows(IllegalArgumentException.class, () -> writer.toJson(List.of(), List.of(LITERAL, clash)));
    }

    @Test
    void aFindingWithoutALineHasNoRegion() {
        Finding f = finding(".npmrc", 0, LITERAL, Severity.ERROR, "0a1b2c3d");

        Object location = at(parse(List.of(f), RULES), "runs", 0, "results", 0, "locations", 0, "physicalLocation");

        assertFalse(object(location).containsKey("region"));
    }

    @Test
    void writerVariantWritesTheSameText() throws IOException {
        StringWriter out = new StringWriter();

        writer.write(FINDINGS, RULES, out);

        assertEquals(writer.toJson(FINDINGS, RULES), out.toString());
    }

    @Test
    void writesAFileCreatingItsFoldersAndReplacingAnOldReport(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("target/reports/npmrc-guard.sarif");

        writer.write(FINDINGS, RULES, out);
        assertEquals(writer.toJson(FINDINGS, RULES), Files.readString(out));
        writer.write(List.of(), RULES, out);

        assertEquals(writer.toJson(List.of(), RULES), Files.readString(out));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aFailureLeavesTheOldReportAsItWas(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("npmrc-guard.sarif");
        writer.write(FINDINGS, RULES, out);
        String before = Files.readString(out);
        List<Finding> bad = new ArrayList<>(FINDINGS);
        bad.add(finding("/abs/.npmrc", 1, LITERAL, Severity.ERROR, "0a1b2c3d"));

        assertThrows(IllegalArgumentException.class, () -> writer.write(bad, RULES, out));

        assertEquals(before, Files.readString(out));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(out), files.toList());
        }
    }

    @Test
    void aReportStartedOnItsOwnThreadIsWrittenWhenAwaitReturnsAndAwaitThrowsItsFailure(@TempDir Path tmp)
            throws IOException {
        Path out = tmp.resolve("target/npmrc-guard.sarif");
        writer.startWriting(FINDINGS, RULES, out).await();
        assertEquals(writer.toJson(FINDINGS, RULES), Files.readString(out));

        Files.writeString(tmp.resolve("file"), "x");
        SarifWriter.Pending underAFile = writer.startWriting(FINDINGS, RULES, tmp.resolve("file/npmrc-guard.sarif"));
        assertThrows(java.nio.file.FileAlreadyExistsException.class, underAFile::await);
        List<Finding> bad = new ArrayList<>(FINDINGS);
        bad.add(finding("/abs/.npmrc", 1, LITERAL, Severity.ERROR, "0a1b2c3d"));
        assertThrows(IllegalArgumentException.class, writer.startWriting(bad, RULES, out)::await);
        assertEquals(writer.toJson(FINDINGS, RULES), Files.readString(out), "the failed one left the report as it was");
    }

    @Test
    void resultsKeepTheGivenOrder() {
        List<Finding> reversed = new ArrayList<>(FINDINGS);
        Collections.reverse(reversed);

        List<Object> results = array(parse(reversed, RULES), "runs", 0, "results");

        for (int i = 0; i < reversed.size(); i++) {
            assertEquals(
                    reversed.get(i).line(),
                    integer(results.get(i), "locations", 0, "physicalLocation", "region", "startLine"));
        }
    }

    @Test
    void constructorRefusesABlankVersionAndARelativeInformationUri() {
        assertThrows(IllegalArgumentException.class, () -> new SarifWriter(" "));
        assertThrows(IllegalArgumentException.class, () -> new SarifWriter("1.0", "npmrc-guard/docs"));
    }

    private String fingerprint(Finding f) {
        return fingerprint(writer, f);
    }

    private static String fingerprint(SarifWriter w, Finding f) {
        return string(
                JsonReader.parse(w.toJson(List.of(f), RULES)),
                "runs",
                0,
                "results",
                0,
                "partialFingerprints",
                SarifWriter.FINGERPRINT_KEY);
    }
}
