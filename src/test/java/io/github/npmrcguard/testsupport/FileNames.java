package io.github.npmrcguard.testsupport;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether this JVM can name files outside ASCII. The JDK encodes file names in the charset of the locale it
 * started in ({@code sun.jnu.encoding}); under {@code LC_ALL=C}, or with {@code LANG} unset as in many CI
 * containers, that is ASCII and {@code Path.of("é")} throws. The plugin itself gets such names from git or
 * from the file system as bytes it never has to encode, so only tests that create them need this.
 */
public final class FileNames {
    private FileNames() {}

    /** True when file names are encoded in UTF-8, so a test can create any name. */
    public static boolean unicodeWorks() {
        String jnu = System.getProperty("sun.jnu.encoding", "");
        return Charset.isSupported(jnu) && Charset.forName(jnu).equals(StandardCharsets.UTF_8);
    }

    /** Skips the calling test unless file names are encoded in UTF-8, saying why. */
    public static void assumeUnicode() {
        Assumptions.assumeTrue(
                unicodeWorks(),
                "needs a UTF-8 file-name encoding (a UTF-8 locale such as"
                        + " C.UTF-8); this JVM encodes file names as " + System.getProperty("sun.jnu.encoding"));
    }

    /** {@code unicode} where file names may hold it, else {@code ascii}. */
    public static String unicodeOr(String unicode, String ascii) {
        return unicodeWorks() ? unicode : ascii;
    }
}
