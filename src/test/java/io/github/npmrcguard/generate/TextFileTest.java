package io.github.npmrcguard.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFileTest {

    private static byte[] bytes(byte[] prefix, String text, java.nio.charset.Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    @Test
    void everyEncodingRoundTripsByteForByte() throws Exception {
        String text = "# comment\r\nregistry=https://r.example/\nkey=v\u00e9\rlast";
        List<byte[]> files = List.of(
                bytes(new byte[0], text, StandardCharsets.UTF_8),
                bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text, StandardCharsets.UTF_8),
                bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, text, StandardCharsets.UTF_16LE),
                bytes(new byte[] {(byte) 0xFE, (byte) 0xFF}, text, StandardCharsets.UTF_16BE),
                bytes(new byte[0], text, StandardCharsets.UTF_16LE));
        for (byte[] file : files) {
            TextFile decoded = TextFile.decode(file);
            assertArrayEquals(file, decoded.encode());
            assertEquals(
                    List.of("# comment", "registry=https://r.example/", "key=v\u00e9", "last"), decoded.lineTexts());
        }
    }

    @Test
    void appendingGivesAMissingFinalLineBreakFirstAndUsesTheDominantEnding() throws Exception {
        TextFile crlf = TextFile.decode("a=1\r\nb=2\r\nc=3".getBytes(StandardCharsets.UTF_8));
        assertEquals("a=1\r\nb=2\r\nc=3\r\nd=4\r\n", crlf.append(List.of("d=4")).text());
        TextFile lf = TextFile.decode("a=1\nb=2\r\nc=3\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("a=1\nb=2\r\nc=3\nd=4\n", lf.append(List.of("d=4")).text());
        assertEquals("d=4\n", TextFile.empty().append(List.of("d=4")).text());
    }

    @Test
    void replaceKeepsTheLinesOwnEnding() throws Exception {
        TextFile f = TextFile.decode("a=1\r\nb=2\nc=3".getBytes(StandardCharsets.UTF_8));
        assertEquals("a=1\r\nB=9\nc=3", f.replace(2, "B=9").text());
        assertEquals("a=1\r\nb=2\nC=9", f.replace(3, "C=9").text());
    }

    @Test
    void insertAfterALineInTheMiddleAndAtTheTop() throws Exception {
        TextFile f = TextFile.decode("a\r\nb\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("a\r\nx\r\nb\r\n", f.insertAfter(1, List.of("x")).text());
        assertEquals("x\r\na\r\nb\r\n", f.insertAfter(0, List.of("x")).text());
    }

    @Test
    void aUtf16FileStaysUtf16WithItsBom() throws Exception {
        byte[] file = bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, "a=1\r\n", StandardCharsets.UTF_16LE);
        byte[] edited = TextFile.decode(file).append(List.of("b=2")).encode();
        assertArrayEquals(
                bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, "a=1\r\nb=2\r\n", StandardCharsets.UTF_16LE), edited);
    }

    @Test
    void bytesThatAreNotValidTextAreRefused() {
        byte[] latin1 = "key=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        UneditableException e = assertThrows(UneditableException.class, () -> TextFile.decode(latin1));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        assertThrows(UneditableException.class, () -> TextFile.decode(new byte[] {1, 0, 2, 0, 0, 0, 3}));
    }
}
