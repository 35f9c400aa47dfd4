package io.github.npmrcguard.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import org.junit.jupiter.api.Test;

class StagedFilesTest {
    @Test
    void pathsAreUnquotedAsGitQuotesThem() throws EOFException {
        assertEquals("front end/.npmrc", StagedFiles.unquote("front end/.npmrc"));
        assertEquals("a \"b\"/\u00e9\t\\.npmrc", StagedFiles.unquote("\"a \\\"b\\\"/\\303\\251\\t\\\\.npmrc\""));
        // core.quotePath=false: UTF-8 bytes as they are, given as ISO-8859-1 characters
        assertEquals("\u00e9/.npmrc", StagedFiles.unquote("\u00c3\u00a9/.npmrc"));
    }

    @Test
    void aQuotedPathGitWouldNotWriteIsRefused() {
        for (String bad : new String[] {"\"", "\"open", "\"a\\q\"", "\"a\\30\"", "\"end\\\""}) {
            assertThrows(EOFException.class, () -> StagedFiles.unquote(bad), bad);
        }
    }
}
