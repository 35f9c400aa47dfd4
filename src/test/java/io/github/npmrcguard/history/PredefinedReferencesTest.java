package io.github.npmrcguard.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** XML's five predefined references, replaced in a range of text as the parser replaces them. */
class PredefinedReferencesTest {
    private static String replaced(String text) {
        return PredefinedReferences.replaced(text, 0, text.length());
    }

    @Test
    void eachOfTheFiveStandsForOneCharacterReplacedOnce() {
        assertEquals("a < b > c & \" '", replaced("a &lt; b &gt; c &amp; &quot; &apos;"));
        assertEquals("&quot;", replaced("&amp;quot;"));
        assertEquals("plain", replaced("plain"));
        assertEquals("", replaced(""));
    }

    @Test
    void anyOtherAmpersandIsLeftToTheParser() {
        for (String other : new String[] {"&#38;", "&#x41;", "&nbsp;", "a&b", "a & b", "&amp", "&LT;"}) {
            assertNull(replaced(other), other);
        }
    }

    @Test
    void onlyTheRangeIsRead() {
        String text = "<x>1 &lt; 2</x><y>&#38;</y>";
        assertEquals("1 < 2", PredefinedReferences.replaced(text, 3, 11));
        // A reference cut by the end of the range is no reference.
        assertNull(PredefinedReferences.replaced("a &amp;", 0, 5));
    }
}
