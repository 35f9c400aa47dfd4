package io.github.npmrcguard.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.testsupport.TokenRecipe;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every entry of the format table, through the real search path (prefilter, pattern, stand-in filter,
 * checksum) on a line, as a whole value, and as a stream: its samples are found as one token of that format,
 * its non-samples as none. Messages name the recipe, never the value made from it.
 */
class TokenFormatTest {
    private final TokenRecipe recipes = new TokenRecipe(14);
    private final TokenCatalogue catalogue = TokenCatalogue.get();

    @ParameterizedTest
    @EnumSource(TokenFormat.class)
    void entryIsComplete(TokenFormat f) {
        assertFalse(f.samples().isEmpty(), f + " has samples");
        assertFalse(f.nonSamples().isEmpty(), f + " has non-samples");
        assertFalse(f.prefixes().isEmpty(), f + " has prefixes");
        assertEquals(0, Pattern.compile(f.pattern()).matcher("").groupCount(), f + ": no capturing group");
        assertTrue(
                f.maxLength() == 0 || f.maxLength() <= StreamedTokenSearch.LONGEST_BOUNDED_TOKEN,
                f + " fits the streamed search's overlap");
        assertTrue(f.maxLength() == 0 || f.minLength() <= f.maxLength(), f + " length bounds");
    }

    @ParameterizedTest
    @EnumSource(TokenFormat.class)
    void samplesAreFoundAsOneTokenOfTheirFormat(TokenFormat f) throws IOException {
        for (String recipe : f.samples()) {
            String t = recipes.make(recipe);
            String where = f + " sample " + recipe;
            assertTrue(f.prefixes().stream().anyMatch(t::startsWith), where + " starts with a prefix");
            assertTrue(
                    t.length() >= f.minLength() && (f.maxLength() == 0 || t.length() <= f.maxLength()),
                    where + " length");
            TokenMatch whole = catalogue.whole(t);
            assertNotNull(whole, where + " as a whole value");
            assertEquals(f, whole.format(), where);
            assertTrue(whole.confident(), where + " confident");
            if (recipe.contains("crc")) {
                assertTrue(whole.checksumValid(), where + " checksum holds");
            }
            String line = "# old: " + t + " (rotated)";
            List<TokenMatch> found = catalogue.find(line);
            assertEquals(1, found.size(), where + " in a line");
            assertEquals(f, found.get(0).format(), where);
            assertTrue(found.get(0).in(line).equals(t), where + " span");
            List<TokenFormat> streamed = streamed("registry=x\n" + line + "\n");
            assertEquals(List.of(f), streamed, where + " streamed");
        }
    }

    @ParameterizedTest
    @EnumSource(TokenFormat.class)
    void nonSamplesAreNoToken(TokenFormat f) throws IOException {
        for (String recipe : f.nonSamples()) {
            String v = recipes.make(recipe);
            String where = f + " non-sample " + recipe;
            assertNull(catalogue.whole(v), where + " as a whole value");
            assertTrue(catalogue.find("# old: " + v + " (rotated)").isEmpty(), where + " in a line");
            assertTrue(streamed("registry=x\n" + v + "\n").isEmpty(), where + " streamed");
        }
    }

    private static List<TokenFormat> streamed(String text) throws IOException {
        List<TokenFormat> formats = new ArrayList<>();
        new StreamedTokenSearch()
                .search(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                        (line, m, token) -> formats.add(m.format()));
        return formats;
    }
}
