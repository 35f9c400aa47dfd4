package io.github.npmrcguard.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * yarn 1's {@code .yarnrc}. The expected results were taken from yarn 1.22.22's own parser (its
 * {@code lib/cli.js} run on the same inputs).
 */
class YarnrcParserTest {
    /** Not a speed assertion (speed is measured under bench/): a parser that backtracks catastrophically hangs. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private final YarnrcParser parser = new YarnrcParser();

    private List<Setting> parse(String text) throws ParseException {
        return parser.parse(text);
    }

    private static String keysAndValues(List<Setting> settings) {
        return settings.stream().map(s -> s.key() + "=" + s.value()).collect(Collectors.joining(" | "));
    }

    private static List<Integer> lines(List<Setting> settings) {
        return settings.stream().map(Setting::line).collect(Collectors.toList());
    }

    @Test
    void keyAndQuotedValueWithOrWithoutColon() throws ParseException {
        List<Setting> settings = parse("registry \"https://r.example/\"\nfoo: bar\n\"quoted key\" \"value\"\n");
        assertEquals("registry=https://r.example/ | foo=bar | quoted key=value", keysAndValues(settings));
        assertTrue(settings.get(0).quoted());
        assertFalse(settings.get(1).quoted());
        assertEquals("registry", settings.get(0).name());
        assertEquals("", settings.get(0).scope());
    }

    @Test
    void quotedStringsAreJsonDecoded() throws ParseException {
        assertEquals("k=TOK | j=a\"b", keysAndValues(parse("k \"\\u0054OK\"\nj \"a\\\"b\"")));
    }

    @Test
    void commentsAreIgnored() throws ParseException {
        assertEquals("a=b | c=d", keysAndValues(parse("# top\na \"b\" # trailing\n# flush\nc d")));
    }

    @Test
    void indentedCommentAtTheTopLevelEndsTheFileLikeAnyIndentedLine() throws ParseException {
        assertEquals("a=b", keysAndValues(parse("a \"b\"\n  # indented\nc d")));
    }

    @Test
    void nerfDartAndScopeKeysSplitLikeNpmKeys() throws ParseException {
        List<Setting> settings = parse("\"//h/:_authToken\" \"TOK\"\n\"@acme:registry\" \"https://r.example/\"");
        assertEquals("//h/", settings.get(0).scope());
        assertEquals("_authToken", settings.get(0).name());
        assertEquals("@acme", settings.get(1).scope());
        assertEquals("registry", settings.get(1).name());
    }

    @Test
    void flagKeysAreNamedAfterTheFlagWithoutTheCommand() throws ParseException {
        List<Setting> settings = parse("--registry \"https://r.example/\"\n--install.frozen-lockfile true");
        assertEquals("--registry=https://r.example/ | --install.frozen-lockfile=true", keysAndValues(settings));
        assertEquals("registry", settings.get(0).name());
        assertEquals("frozen-lockfile", settings.get(1).name());
        assertEquals("", settings.get(1).scope());
    }

    @Test
    void indentedBlockNestsUnderItsKey() throws ParseException {
        List<Setting> settings = parse("env:\n  FOO bar\n  BAR \"baz\"\nafter x");
        assertEquals("env.FOO=bar | env.BAR=baz | after=x", keysAndValues(settings));
        assertEquals("FOO", settings.get(0).name());
        assertEquals("env", settings.get(0).scope());
        assertEquals(List.of(2, 3, 4), lines(settings));
    }

    @Test
    void severalKeysBeforeOneValueEachGetTheValue() throws ParseException {
        assertEquals("a=v | b=v", keysAndValues(parse("a, b \"v\"")));
    }

    @Test
    void numbersAndBooleansAreGivenAsJavaScriptPrintsThem() throws ParseException {
        List<Setting> settings = parse("network-timeout 60000\nx 0123\nstrict-ssl false");
        assertEquals("network-timeout=60000 | x=123 | strict-ssl=false", keysAndValues(settings));
    }

    @Test
    void unquotedUrlIsNotLockfileSyntaxAndYieldsNoSettings() throws ParseException {
        // yarn falls back to YAML, which reads the line as one string: no config key at all
        assertEquals(List.of(), parse("registry https://user:SECRET1@r.example/"));
    }

    @Test
    void wordStartingWithTrueIsABooleanThenAWord() throws ParseException {
        assertEquals(List.of(), parse("trueish x"));
    }

    @Test
    void lineIndentedDeeperThanItsLevelEndsTheFileSilently() throws ParseException {
        assertEquals("a=b", keysAndValues(parse("a b\n  c d\ne f")));
    }

    @Test
    void oneBlankLineKeepsANestedBlockOpenButTwoCloseIt() throws ParseException {
        // yarn's tokenizer takes "\n\n" as a single line break
        assertEquals("a.b=c | a.d=e | f=g", keysAndValues(parse("a:\n  b c\n\n  d e\nf g")));
        assertEquals("a.b=c", keysAndValues(parse("a:\n  b c\n\n\n  d e\nf g")));
    }

    @Test
    void lineNumbersCountLfCrLfAndLoneCrAsStored() throws ParseException {
        List<Setting> settings = parse("a 1\r\n\r\nb 2\rc 3\n\n\nd 4");
        assertEquals(List.of(1, 3, 4, 7), lines(settings));
    }

    @Test
    void commentRunsToTheNextLfSoInACrOnlyFileItHidesTheRest() throws ParseException {
        assertEquals("registry=x", keysAndValues(parse("registry \"x\"\r# c\rfoo \"y\"")));
    }

    @Test
    void notLockfileSyntaxButValidYamlIsReadAsYaml() throws ParseException {
        Setting single = parse("foo: 'single'").get(0);
        assertEquals("foo", single.key());
        assertEquals("single", single.value());
        assertTrue(single.quoted());
        // odd indentation is an error for the lockfile syntax, not for YAML
        assertEquals("a=b c", keysAndValues(parse("a:\n   b c")));
    }

    @Test
    void yamlFallbackRefusesDuplicateKeysLikeYarn1sJsYaml() {
        ParseException e = assertThrows(ParseException.class, () -> parse("a: 'x'\na: 'y'"));
        assertEquals(1, e.line());
    }

    @Test
    void neitherLockfileSyntaxNorYamlIsAnErrorWithTheLineAndNoFileText() {
        ParseException e = assertThrows(ParseException.class, () -> parse("a \"SECRET1\"\nc: [SECRET1"));
        assertEquals(2, e.line());
        assertFalse(e.getMessage().contains("SECRET1"));
        assertEquals(null, e.getCause());
    }

    @Test
    void mergeConflictMarkersGiveBothVariantsWithTheirFileLines() throws ParseException {
        List<Setting> settings = parse("<<<<<<< HEAD\nfoo \"one\"\n=======\nfoo \"two\"\n>>>>>>> x\r\nbar \"z\"\n");
        assertEquals("foo=one | bar=z | foo=two | bar=z", keysAndValues(settings));
        assertEquals(List.of(2, 6, 4, 6), lines(settings));
    }

    @Test
    void mergeConflictWithAnInvalidVariantGivesNoSettings() throws ParseException {
        assertEquals(List.of(), parse("<<<<<<< HEAD\nfoo \"one\"\n=======\nfoo: [x\n>>>>>>> x\n"));
    }

    @Test
    void lockfileVersionCommentAboveOneAtTheStartIsRefused() {
        assertThrows(ParseException.class, () -> parse("# yarn lockfile v2\nfoo bar"));
    }

    @Test
    void byteOrderMarkIsStripped() throws ParseException {
        assertEquals("foo=bar", keysAndValues(parse("\uFEFFfoo bar")));
    }

    @Test
    void settingToStringDoesNotShowTheValue() throws ParseException {
        assertFalse(parse("\"//h/:_authToken\" \"SECRET1\"").get(0).toString().contains("SECRET1"));
    }

    @Test
    void tenMegabyteSingleLineParsesWithoutBacktracking() {
        String big = "k \"" + "x".repeat(10 * 1024 * 1024) + "\"\n" + "j " + " ".repeat(10 * 1024 * 1024) + "v";
        List<Setting> settings = assertTimeoutPreemptively(HANG_GUARD, () -> parse(big));
        assertEquals(2, settings.size());
    }
}
