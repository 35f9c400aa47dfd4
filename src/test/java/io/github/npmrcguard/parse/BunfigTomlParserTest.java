package io.github.npmrcguard.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** bun's {@code bunfig.toml}: every string leaf with its dotted key and line. */
class BunfigTomlParserTest {
    /** Not a speed assertion (speed is measured under bench/): a parser that backtracks catastrophically hangs. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private final BunfigTomlParser parser = new BunfigTomlParser();

    private List<Setting> parse(String text) throws ParseException {
        return parser.parse(text);
    }

    private static String keysAndValues(List<Setting> settings) {
        return settings.stream().map(s -> s.key() + "=" + s.value()).collect(Collectors.joining(" | "));
    }

    @Test
    void bareStringRegistryIsNamedRegistry() throws ParseException {
        Setting setting =
                parse("[install]\nregistry = \"https://r.example/\"\n").get(0);
        assertEquals("install.registry", setting.key());
        assertEquals("registry", setting.name());
        assertEquals("install", setting.scope());
        assertEquals(2, setting.line());
        assertTrue(setting.quoted());
        assertEquals("", setting.section());
    }

    @Test
    void inlineTableRegistryGivesUrlAndTokenSettings() throws ParseException {
        List<Setting> settings =
                parse("[install]\nregistry = { url = \"https://r.example/\", token = \"$NPM_TOKEN\" }\n");
        assertEquals(
                "install.registry.url=https://r.example/ | install.registry.token=$NPM_TOKEN", keysAndValues(settings));
        assertEquals("token", settings.get(1).name());
        assertEquals("install.registry", settings.get(1).scope());
        assertEquals(2, settings.get(1).line());
    }

    @Test
    void scopesAreNamedAfterTheScope() throws ParseException {
        List<Setting> settings = parse("[install.scopes]\nacme = \"https://r.example/\"\n"
                + "other = { username = \"u\", password = \"p\", url = \"https://o.example/\" }\n");
        assertEquals(
                "install.scopes.acme=https://r.example/ | install.scopes.other.username=u"
                        + " | install.scopes.other.password=p | install.scopes.other.url=https://o.example/",
                keysAndValues(settings));
        assertEquals("acme", settings.get(0).name());
        assertEquals("install.scopes", settings.get(0).scope());
        assertEquals("password", settings.get(2).name());
        assertEquals("install.scopes.other", settings.get(2).scope());
    }

    @Test
    void quotedKeyWithDotsIsOneName() throws ParseException {
        Setting setting = parse("[install.scopes]\n\"@acme.corp\" = \"https://r.example/\"\n")
                .get(0);
        assertEquals("@acme.corp", setting.name());
        assertEquals("install.scopes", setting.scope());
    }

    @Test
    void stringsInArraysAndArraysOfTablesAreSettings() throws ParseException {
        List<Setting> settings = parse(
                "x = [\"a\",\n  \"b\", # c\n\n \"\uD83D\uDE00\", \"d\"]\n[[t]]\nk = \"v\"\n" + "[[t]]\nk = \"w\"\n");
        assertEquals("x=a | x=b | x=\uD83D\uDE00 | x=d | t.k=v | t.k=w", keysAndValues(settings));
        // each element on its own line (tomlj itself reports the line where the whitespace before it starts)
        assertEquals(
                List.of(1, 2, 4, 4, 6, 8), settings.stream().map(Setting::line).collect(Collectors.toList()));
    }

    @Test
    void numbersBooleansAndDatesAreNotSettings() throws ParseException {
        assertEquals("s=x", keysAndValues(parse("n = 1\nb = true\nd = 1979-05-27\nf = 1.5\ns = \"x\"\n")));
    }

    @Test
    void settingsComeInFileOrderWithLinesAsStored() throws ParseException {
        List<Setting> settings = parse("z = \"1\"\r\n\r\na = \"2\"\r\n[m]\r\nb = { y = \"3\", c = \"4\" }\r\n");
        assertEquals("z=1 | a=2 | m.b.y=3 | m.b.c=4", keysAndValues(settings));
        assertEquals(List.of(1, 3, 5, 5), settings.stream().map(Setting::line).collect(Collectors.toList()));
    }

    @Test
    void invalidTomlIsAnErrorWithTheLineAndNoFileText() {
        ParseException duplicate =
                assertThrows(ParseException.class, () -> parse("a = \"SECRET1\"\na = \"SECRET1\"\n"));
        assertEquals("not valid TOML", duplicate.getMessage());
        assertEquals(2, duplicate.line());
        assertNull(duplicate.getCause());
        // TOML allows no lone CR
        assertEquals(
                1,
                assertThrows(ParseException.class, () -> parse("a = \"1\"\rb = \"2\""))
                        .line());
    }

    @Test
    void byteOrderMarkIsIgnored() throws ParseException {
        assertEquals("a=b", keysAndValues(parse("\uFEFFa = \"b\"")));
    }

    @Test
    void fileTooLargeForTomljIsRefusedWithoutParsing() {
        String huge = "t = \"" + "x".repeat(BunfigTomlParser.MAX_CHARS) + "\"\n";
        ParseException e =
                assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(ParseException.class, () -> parse(huge)));
        assertEquals(0, e.line());
        assertFalse(e.getMessage().contains("xxx"));
    }

    @Test
    void largestAcceptedFileParsesInAboutASecond() {
        String big = "t = \"" + "x".repeat(BunfigTomlParser.MAX_CHARS - 10) + "\"\n";
        assertEquals(1, assertTimeoutPreemptively(HANG_GUARD, () -> parse(big)).size());
    }

    @Test
    void settingToStringDoesNotShowTheValue() throws ParseException {
        assertFalse(parse("[install.registry]\ntoken = \"SECRET1\"")
                .get(0)
                .toString()
                .contains("SECRET1"));
    }
}
