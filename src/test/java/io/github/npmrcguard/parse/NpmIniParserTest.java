package io.github.npmrcguard.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One test per behaviour of npm's ini dialect listed in research note section 1.1, plus the line numbers,
 * the scope/name split and what the parser must not do (expand variables, show values).
 */
class NpmIniParserTest {
    /** Not a speed assertion (speed is measured under bench/): a parser that backtracks catastrophically hangs. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private final NpmIniParser parser = new NpmIniParser();

    private List<Setting> parse(String text) {
        return parser.parse(text);
    }

    private Setting only(String text) {
        List<Setting> settings = parse(text);
        assertEquals(1, settings.size(), () -> "settings: " + settings);
        return settings.get(0);
    }

    private static String keysAndValues(List<Setting> settings) {
        return settings.stream().map(s -> s.key() + "=" + s.value()).collect(Collectors.joining(" | "));
    }

    // ---- research 1.1, row by row ----

    @Test
    void commentLinesWithHashOrSemicolonAndLeadingWhitespaceAreIgnored() {
        assertEquals(List.of(), parse("#//h/:_authToken=TOK\n  ;//h/:_authToken=TOK\n\t# x=y\n"));
    }

    @Test
    void inlineCommentCutsAnUnquotedValueAtTheFirstSemicolonOrHash() {
        assertEquals("TOK", only("//h/:_authToken=TOK ; comment").value());
        assertEquals("TO", only("//h/:_authToken=TO#K").value());
        assertEquals("A", only("k=A;B#C").value());
    }

    @Test
    void backslashEscapesSemicolonHashAndBackslashAndKeepsOtherEscapesVerbatim() {
        assertEquals("TO#K", only("k=TO\\#K").value());
        assertEquals("TO;K", only("k=TO\\;K").value());
        assertEquals("a\\b", only("k=a\\\\b").value());
        assertEquals("a\\nb\\", only("k=a\\nb\\").value());
        // the escape is unescaped, so a following '#' still starts a comment
        assertEquals("x\\", only("k=x\\\\#comment").value());
    }

    @Test
    void whitespaceAroundKeyAndEqualsIsTrimmedTheJavaScriptWay() {
        assertEquals("TOK", only("  key = TOK  ").value());
        assertEquals("key", only("key\t=\tTOK").key());
        // JavaScript's trim() strips no-break and ideographic spaces, which Java's trim() keeps ...
        Setting unicode = only("\u00A0key\u3000=\u2003TOK\u00A0");
        assertEquals("key", unicode.key());
        assertEquals("TOK", unicode.value());
        // ... and keeps control characters, which Java's trim() strips.
        assertEquals("\u0001TOK", only("key=\u0001TOK").value());
    }

    @Test
    void byteOrderMarkBeforeTheFirstKeyIsHarmless() {
        assertEquals("registry", only("\uFEFFregistry=https://r.example/").key());
        assertEquals("//h/:_authToken", only("\uFEFF//h/:_authToken=TOK").key());
    }

    @Test
    void byteOrderMarkBeforeASectionHeaderTurnsTheHeaderIntoAKey() {
        // npm keeps U+FEFF, so "[sec]" no longer starts the line and the following key is not sectioned.
        List<Setting> settings = parser.parse(new DecodedText("[sec]\n//h/:_authToken=TOK", "UTF-8 with BOM", false));
        assertEquals("[sec]=true | //h/:_authToken=TOK", keysAndValues(settings));
        assertEquals("", settings.get(1).section());
        List<Setting> withoutBom = parser.parse(new DecodedText("[sec]\n//h/:_authToken=TOK", "UTF-8", false));
        assertEquals("sec", withoutBom.get(0).section());
    }

    @Test
    void crlfAndBareCrBothEndALine() {
        assertEquals("a=1 | b=2 | c=3", keysAndValues(parse("a=1\r\nb=2\rc=3\n")));
    }

    @Test
    void trailingBackslashDoesNotContinueTheLine() {
        List<Setting> settings = parse("//h/:_authToken=TO\\\nK");
        assertEquals("//h/:_authToken=TO\\ | K=true", keysAndValues(settings));
    }

    @Test
    void doubleQuotedValueIsJsonDecodedAndKeepsHashAndSemicolon() {
        Setting escaped = only("//h/:_authToken=\"\\u0054OK\"");
        assertEquals("TOK", escaped.value());
        assertTrue(escaped.quoted());
        assertEquals("TO#K", only("k=\"TO#K\"").value());
        assertEquals("a;b", only("k=\"a;b\"").value());
    }

    @Test
    void doubleQuotedValueThatIsNotValidJsonKeepsItsQuotes() {
        assertEquals("\"a\"b\"", only("k=\"a\"b\"").value());
        // a comment after the closing quote means the value no longer ends with a quote: no decoding
        assertEquals("\"TOK\"", only("k=\"TOK\" ; comment").value());
    }

    @Test
    void singleQuotedValueLosesItsQuotesAndIsThenJsonDecodedIfItCan() {
        Setting plain = only("//h/:_authToken='TOK'");
        assertEquals("TOK", plain.value());
        assertTrue(plain.quoted());
        assertEquals("json", only("k='\"json\"'").value());
        assertEquals("1.5", only("k='1.50'").value()); // a number, printed as JavaScript does
        assertEquals("1,a,", only("k='[1,\"a\",null]'").value());
        assertEquals("", only("k='").value());
    }

    @Test
    void quotedKeyLosesItsQuotes() {
        Setting setting = only("\"//h/:_authToken\"=TOK");
        assertEquals("//h/:_authToken", setting.key());
        assertEquals("_authToken", setting.name());
        assertEquals("//h/", setting.scope());
        assertEquals("single key", only("'single key'=v").key());
    }

    @Test
    void keyEndsAtTheFirstEqualsSignAndTheValueKeepsTheRest() {
        Setting setting = only("_auth=dTpw==");
        assertEquals("_auth", setting.key());
        assertEquals("dTpw==", setting.value());
    }

    @Test
    void keyWithoutEqualsSignHasTheValueTrue() {
        Setting setting = only("//h/:_authToken");
        assertEquals("true", setting.value());
        assertFalse(setting.quoted());
    }

    @Test
    void trueFalseAndNullAreKeptAsTheirStrings() {
        assertEquals("a=true | b=false | c=null", keysAndValues(parse("a=true\nb=false\nc=null")));
    }

    @Test
    void bracketedArrayKeyGivesOneSettingPerElementUnderTheKeyWithoutBrackets() {
        List<Setting> settings = parse("//h/:_authToken[]=A\n//h/:_authToken[]=B");
        assertEquals("//h/:_authToken=A | //h/:_authToken=B", keysAndValues(settings));
        assertEquals("_authToken", settings.get(1).name());
        assertEquals(2, settings.get(1).line());
    }

    @Test
    void duplicateKeysAreAllKeptInFileOrder() {
        assertEquals("k=FIRST | k=SECOND", keysAndValues(parse("k=FIRST\nk=SECOND")));
    }

    @Test
    void sectionHeaderMarksTheKeysAfterIt() {
        List<Setting> settings = parse("top=1\n[foo]\n//h/:_authToken=TOK\n[ bar ]  \nb=2");
        assertEquals("", settings.get(0).section());
        assertEquals("foo", settings.get(1).section());
        assertEquals("//h/:_authToken", settings.get(1).key());
        assertEquals("bar", settings.get(2).section());
    }

    @Test
    void indentedOrTrailedBracketLineIsAKeyNotASection() {
        assertEquals("[foo]=true | [bar] x=true | k=v", keysAndValues(parse("  [foo]\n[bar] x\nk=v")));
        assertEquals("", parse("  [foo]\nk=v").get(1).section());
    }

    @Test
    void keysAreCaseSensitive() {
        assertEquals("//h/:_AUTHTOKEN", only("//h/:_AUTHTOKEN=TOK").key());
    }

    @Test
    void protoKeysAndProtoSectionsAreDropped() {
        assertEquals("ok=1 | after=3", keysAndValues(parse("__proto__=x\nok=1\n[__proto__]\nin=2\n[s]\nafter=3")));
    }

    // ---- other ini behaviour ----

    @Test
    void lineStartingWithEqualsSignIsSkipped() {
        assertEquals(List.of(), parse("=TOK"));
    }

    @Test
    void valueHoldingALineSeparatorCharMakesIniSkipTheLine() {
        // ini's '.' does not match U+2028/U+2029
        assertEquals("b=2", keysAndValues(parse("a=x\u2028y\nb=2")));
    }

    @Test
    void commentInTheKeyCutsTheKey() {
        assertEquals("k", only("k#c=v").key());
    }

    @Test
    void environmentPlaceholdersAreNotExpanded() {
        assertEquals("${NPM_TOKEN}", only("k=${NPM_TOKEN}").value());
        assertEquals("\\${NPM_TOKEN}", only("k=\\${NPM_TOKEN}").value());
        assertEquals("${NPM_TOKEN}", only("k=\"${NPM_TOKEN}\"").value());
        assertEquals(
                "//${REG_HOST}/:_authToken", only("//${REG_HOST}/:_authToken=x").key());
    }

    // ---- line numbers ----

    @Test
    void lineNumbersAreThoseOfTheFileAsStoredWithBlankLinesCounted() {
        List<Setting> settings = parse("a=1\n\n\nb=2\r\n\r\nc=3\r\rd=4\n# x\ne=5");
        assertEquals(
                List.of(1, 4, 6, 8, 10), settings.stream().map(Setting::line).collect(Collectors.toList()));
    }

    @Test
    void mixedLineEndingsCountCrLfAsOneBreakAndLfCrAsTwo() {
        List<Setting> settings = parse("a=1\n\rb=2\r\r\nc=3");
        assertEquals(List.of(1, 3, 5), settings.stream().map(Setting::line).collect(Collectors.toList()));
    }

    // ---- scope and name ----

    @Test
    void nerfDartKeysSplitAtTheLastColonBeforeTheName() {
        Setting path = only("//host/path/:_authToken=x");
        assertEquals("//host/path/", path.scope());
        assertEquals("_authToken", path.name());
        Setting port = only("//host:4873:_authToken=x");
        assertEquals("//host:4873", port.scope());
        assertEquals("_authToken", port.name());
        Setting pnpmScoped = only("//host/:@scope:_authToken=x");
        assertEquals("_authToken", pnpmScoped.name());
        assertEquals("//host/:@scope", pnpmScoped.scope());
        Setting noName = only("//host:4873/=x");
        assertEquals("", noName.scope());
        assertEquals("//host:4873/", noName.name());
    }

    @Test
    void scopedRegistryKeySplitsIntoScopeAndName() {
        Setting setting = only("@acme:registry=https://r.example/");
        assertEquals("@acme", setting.scope());
        assertEquals("registry", setting.name());
        Setting plain = only("registry=https://r.example/");
        assertEquals("", plain.scope());
        assertEquals("registry", plain.name());
    }

    @Test
    void schemePrefixedKeySplitsLikeANerfDart() {
        // yarn 1 reads https://host/:_authToken for a registry written as that URL.
        Setting https = only("https://r.example:8443/npm/:_authToken=x");
        assertEquals("https://r.example:8443/npm/", https.scope());
        assertEquals("_authToken", https.name());
        Setting http = only("HTTP://127.0.0.1:4873/:_auth=x");
        assertEquals("HTTP://127.0.0.1:4873/", http.scope());
        assertEquals("_auth", http.name());
        assertEquals("", only("https://r.example/=x").scope(), "no name after the URL: no split");
    }

    @Test
    void arrayEntriesAreMarked() {
        List<Setting> settings = parse("//h/:_authToken[]=A\n//h/:_authToken=B\n");
        assertTrue(settings.get(0).array());
        assertEquals("//h/:_authToken", settings.get(0).key());
        assertFalse(settings.get(1).array());
    }

    @Test
    void bunLinesEndOnlyAtLfAndKeepUnicodeLineSeparators() {
        String text = "a=1\u2028x\nb=2\rc=3\r\n[s]\u2028\nd=4\n";
        // npm: the U+2028 line is dropped, CR ends a line, and "[s]" plus U+2028 is a section header.
        assertEquals(
                "b=2 | c=3 | [s] | [s] d=4",
                parser.parseLines(text).stream().map(NpmIniParserTest::show).collect(Collectors.joining(" | ")));
        // bun: the U+2028 stays in the value, the lone CR in the line, and the header line is a key.
        assertEquals(
                "a=1\u2028x@1 | b=2\rc=3@2 | [s]=true@4 | d=4@5",
                parser.parseBunLines(text).stream()
                        .map(l -> show(l) + "@" + l.line())
                        .collect(Collectors.joining(" | ")));
    }

    private static String show(NpmIniParser.IniLine line) {
        if (line instanceof NpmIniParser.Entry e) {
            return (e.section() == null ? "" : "[" + e.section() + "] ") + e.key() + "=" + e.value();
        }
        return "[" + ((NpmIniParser.Section) line).name() + "]";
    }

    // ---- safety and speed ----

    @Test
    void settingToStringDoesNotShowTheValue() {
        String value = "SECRET1";
        assertFalse(only("//h/:_authToken=" + value).toString().contains(value));
        assertFalse(parser.parseLines("k=" + value).get(0).toString().contains(value));
    }

    @Test
    void tenMegabyteSingleLineParsesWithoutBacktracking() {
        String value = "a\\;b" + "x".repeat(10 * 1024 * 1024);
        String backslashes = "\\".repeat(10 * 1024 * 1024);
        String hostile = "k=" + value + "\nq=\"" + backslashes + "\n" + "=".repeat(1024 * 1024);
        List<Setting> settings = assertTimeoutPreemptively(HANG_GUARD, () -> parse(hostile));
        assertEquals(2, settings.size());
        assertEquals("a;b", settings.get(0).value().substring(0, 3)); // the escape is unescaped
        assertEquals(value.length() - 1, settings.get(0).value().length());
    }
}
