package io.github.npmrcguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** String quoting: a printable ASCII run is copied in one piece, up to the first character to escape. */
class JsonOutTest {
    private static String quoted(String s) throws IOException {
        StringBuilder out = new StringBuilder();
        JsonOut.quote(s, out);
        return out.toString();
    }

    @Test
    void quotesPlainRunsAndEscapesFromTheFirstSpecialCharacterOn() throws IOException {
        assertEquals("\"\"", quoted(""));
        assertEquals("\"plain ascii ~\"", quoted("plain ascii ~"));
        assertEquals("\"\\\"quoted\\\" a\\\\b\"", quoted("\"quoted\" a\\b"));
        assertEquals("\"caf\\u00e9 \\n\\u007f x\"", quoted("caf\u00e9 \n\u007f x"));
        assertEquals("\"\\ud83d\\ude80\\ufffd\"", quoted("\ud83d\ude80\ud83d"));
        assertEquals("\"tab\\tend\"", quoted("tab\tend"));
    }
}
