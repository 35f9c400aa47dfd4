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

/** yarn 2+'s {@code .yarnrc.yml}: key paths, lines, and what berry's parseSyml accepts and refuses. */
class YarnrcYmlParserTest {
    /** Not a speed assertion (speed is measured under bench/): a parser that backtracks catastrophically hangs. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private final YarnrcYmlParser parser = new YarnrcYmlParser();

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
    void topLevelAuthTokenHasNoScope() throws ParseException {
        Setting setting = parse("npmAuthToken: TOK\n").get(0);
        assertEquals("npmAuthToken", setting.key());
        assertEquals("npmAuthToken", setting.name());
        assertEquals("", setting.scope());
        assertEquals(1, setting.line());
        assertEquals("", setting.section());
    }

    @Test
    void scopedAuthTokenKeyIsTheDottedPathWithTheParentAsScope() throws ParseException {
        List<Setting> settings = parse(
                "npmScopes:\n  acme:\n    npmRegistryServer: \"https://r.example\"\n" + "    npmAuthToken: TOK\n");
        assertEquals(
                "npmScopes.acme.npmRegistryServer=https://r.example | npmScopes.acme.npmAuthToken=TOK",
                keysAndValues(settings));
        assertEquals("npmScopes.acme", settings.get(1).scope());
        assertEquals("npmAuthToken", settings.get(1).name());
        assertEquals(List.of(3, 4), lines(settings));
    }

    @Test
    void registryKeysKeepTheirDotsAndSlashes() throws ParseException {
        Setting setting = parse("npmRegistries:\n  \"//npm.pkg.github.com\":\n    npmAuthToken: TOK\n")
                .get(0);
        assertEquals("npmRegistries.//npm.pkg.github.com.npmAuthToken", setting.key());
        assertEquals("npmRegistries.//npm.pkg.github.com", setting.scope());
        assertEquals("npmAuthToken", setting.name());
        assertEquals(3, setting.line());
    }

    @Test
    void scalarsInListsAreSettingsOnTheirOwnLines() throws ParseException {
        List<Setting> settings = parse("list:\n  - a\n  - b\nflow: [c, d]\nmaps:\n  - k: v\n");
        assertEquals("list=a | list=b | flow=c | flow=d | maps.k=v", keysAndValues(settings));
        assertEquals(List.of(2, 3, 4, 4, 6), lines(settings));
    }

    @Test
    void scalarsAreTakenAsWrittenWithoutTypesOrExpansion() throws ParseException {
        List<Setting> settings = parse("npmAlwaysAuth: true\nn: 0123\nt: \"${NPM_TOKEN:-}\"\ne:\nq: 'x'\n");
        assertEquals("npmAlwaysAuth=true | n=0123 | t=${NPM_TOKEN:-} | e= | q=x", keysAndValues(settings));
        assertFalse(settings.get(0).quoted());
        assertTrue(settings.get(2).quoted());
        assertTrue(settings.get(4).quoted());
    }

    @Test
    void duplicateKeysAreAllowedAndAllKept() throws ParseException {
        assertEquals("npmAuthToken=A | npmAuthToken=B", keysAndValues(parse("npmAuthToken: A\nnpmAuthToken: B\n")));
    }

    @Test
    void emptyOrCommentOnlyFileHasNoSettings() throws ParseException {
        assertEquals(List.of(), parse(""));
        assertEquals(List.of(), parse("# nothing\n\n"));
        assertEquals(List.of(), parse("---\n"));
    }

    @Test
    void documentThatIsNotAMappingIsRefused() {
        assertEquals(
                1,
                assertThrows(ParseException.class, () -> parse("just a string\n"))
                        .line());
        assertThrows(ParseException.class, () -> parse("- a\n- b\n"));
    }

    @Test
    void invalidYamlIsAnErrorWithTheLineAndNoFileText() {
        ParseException e = assertThrows(ParseException.class, () -> parse("a: SECRET1\nb: [SECRET1\nc: d\n"));
        assertEquals("not valid YAML", e.getMessage());
        assertTrue(e.line() >= 2, "line " + e.line());
        assertNull(e.getCause());
        assertThrows(ParseException.class, () -> parse("a: b\n---\nc: d\n"));
    }

    @Test
    void lineNumbersCountCrLfAndLoneCrAsStored() throws ParseException {
        assertEquals(List.of(1, 2, 4, 5), lines(parse("a: 1\rb: 2\r\n\r\nc: 3\nd: 4")));
    }

    @Test
    void aliasesAreFollowedSoTheAliasedValuesAppearUnderTheAlias() throws ParseException {
        List<Setting> settings = parse("base: &b\n  npmAuthToken: TOK\nnpmScopes:\n  acme: *b\n");
        assertEquals("base.npmAuthToken=TOK | npmScopes.acme.npmAuthToken=TOK", keysAndValues(settings));
    }

    @Test
    void mergeKeyIsAnOrdinaryKeyAsInTheFailsafeSchema() throws ParseException {
        assertEquals("<<.a=b | c=d", keysAndValues(parse("<<: {a: b}\nc: d\n")));
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level < 10; level++) {
            String alias = "*l" + (level - 1);
            yaml.append("l")
                    .append(level)
                    .append(": &l")
                    .append(level)
                    .append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, alias)))
                    .append("]\n");
        }
        ParseException e = assertTimeoutPreemptively(
                HANG_GUARD, () -> assertThrows(ParseException.class, () -> parse(yaml.toString())));
        assertEquals("YAML aliases expand to too many nodes", e.getMessage());
    }

    @Test
    void collectionThatContainsItselfIsNotEnteredAgain() throws ParseException {
        assertEquals("a=x", keysAndValues(parse("a: &a [x, *a]\n")));
    }

    @Test
    void filesLargerThanSnakeyamlsDefaultLimitParse() throws ParseException {
        String big = "npmAuthToken: " + "x".repeat(4 * 1024 * 1024) + "\nafter: y\n";
        List<Setting> settings = parse(big);
        assertEquals(2, settings.size());
        assertEquals(2, settings.get(1).line());
    }

    @Test
    void legacyLockfileMarkerSwitchesToTheLockfileSyntax() throws ParseException {
        assertTrue(YarnrcYmlParser.isLegacyLockfileSyntax("# header\r\n# yarn lockfile v1\nfoo bar\n"));
        assertFalse(YarnrcYmlParser.isLegacyLockfileSyntax("foo: bar\n# yarn lockfile v1\n"));
        assertEquals("foo=bar", keysAndValues(parse("# yarn lockfile v1\nfoo bar\n")));
    }

    @Test
    void settingToStringDoesNotShowTheValue() throws ParseException {
        assertFalse(parse("npmAuthToken: SECRET1").get(0).toString().contains("SECRET1"));
    }
}
