package io.github.npmrcguard.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Encodings the scan meets in committed config files, and content that is not text. */
class TextDecoderTest {

    private static final String TEXT = "registry=https://r.example/\r\n//r.example/:_authToken=TOK \uD83D\uDE00 é\n";

    private final TextDecoder decoder = new TextDecoder();

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void plainUtf8IsDecodedAsIs() throws ParseException {
        DecodedText decoded = decoder.decode(TEXT.getBytes(StandardCharsets.UTF_8));
        assertEquals(TEXT, decoded.text());
        assertEquals("UTF-8", decoded.encoding());
        assertFalse(decoded.lossy());
        assertFalse(decoded.hasBom());
    }

    @Test
    void utf8ByteOrderMarkIsStripped() throws ParseException {
        DecodedText decoded = decoder.decode(concat(bytes(0xEF, 0xBB, 0xBF), TEXT.getBytes(StandardCharsets.UTF_8)));
        assertEquals(TEXT, decoded.text());
        assertEquals("UTF-8 with BOM", decoded.encoding());
        assertTrue(decoded.hasBom());
    }

    @Test
    void utf16LittleEndianWithByteOrderMark() throws ParseException {
        DecodedText decoded = decoder.decode(concat(bytes(0xFF, 0xFE), TEXT.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(TEXT, decoded.text());
        assertEquals("UTF-16LE with BOM", decoded.encoding());
        assertFalse(decoded.lossy());
    }

    @Test
    void utf16BigEndianWithByteOrderMark() throws ParseException {
        DecodedText decoded = decoder.decode(concat(bytes(0xFE, 0xFF), TEXT.getBytes(StandardCharsets.UTF_16BE)));
        assertEquals(TEXT, decoded.text());
        assertEquals("UTF-16BE with BOM", decoded.encoding());
    }

    @Test
    void utf16LittleEndianWithoutByteOrderMarkIsRecognisedByItsNulBytes() throws ParseException {
        DecodedText decoded = decoder.decode(TEXT.getBytes(StandardCharsets.UTF_16LE));
        assertEquals(TEXT, decoded.text());
        assertEquals("UTF-16LE", decoded.encoding());
        assertFalse(decoded.hasBom());
    }

    @Test
    void utf16BigEndianWithoutByteOrderMarkIsRecognisedByItsNulBytes() throws ParseException {
        DecodedText decoded = decoder.decode(TEXT.getBytes(StandardCharsets.UTF_16BE));
        assertEquals(TEXT, decoded.text());
        assertEquals("UTF-16BE", decoded.encoding());
    }

    @Test
    void latin1BytesBecomeReplacementCharactersAndTheRestStillParses() throws ParseException {
        byte[] latin1 = "# caf\u00e9\nregistry=https://r.example/\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        DecodedText decoded = decoder.decode(latin1);
        assertEquals("# caf\uFFFD\nregistry=https://r.example/\uFFFD\n", decoded.text());
        assertTrue(decoded.lossy());
        assertEquals("UTF-8", decoded.encoding());
        assertEquals("registry", new NpmIniParser().parse(decoded).get(0).key());
    }

    @Test
    void invalidUtf8SequencesAreReplacedOneMaximalPartAtATime() throws ParseException {
        // as node (WHATWG): overlong C0 80 is two errors, a surrogate ED A0 80 three, a cut-off F0 9F one
        assertEquals(
                "a\uFFFD\uFFFDb", decoder.decode(bytes('a', 0xC0, 0x80, 'b')).text());
        assertEquals(
                "\uFFFD\uFFFD\uFFFD", decoder.decode(bytes(0xED, 0xA0, 0x80)).text());
        assertEquals("x\uFFFD", decoder.decode(bytes('x', 0xF0, 0x9F)).text());
        assertEquals("\uFFFDy", decoder.decode(bytes(0xE2, 0x82, 'y')).text());
    }

    @Test
    void binaryContentIsRefusedWithoutQuotingIt() {
        byte[] binary = concat(
                bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D),
                "SECRET1".getBytes(StandardCharsets.US_ASCII),
                bytes(0, 0, 0, 0, 0x7F, 0xFF, 0, 1, 2, 3));
        ParseException e = assertThrows(ParseException.class, () -> decoder.decode(binary));
        assertEquals("binary content, not a text file", e.getMessage());
        assertEquals(0, e.line());
        assertEquals(null, e.getCause());
    }

    @Test
    void nulByteInUtf8WithByteOrderMarkIsBinary() {
        byte[] withNul = concat(bytes(0xEF, 0xBB, 0xBF), "k=v\0w".getBytes(StandardCharsets.UTF_8));
        assertThrows(ParseException.class, () -> decoder.decode(withNul));
    }

    @Test
    void utf16TextHoldingANulCharacterIsBinary() {
        assertThrows(
                ParseException.class,
                () -> decoder.decode(concat(bytes(0xFF, 0xFE), "k=v\0".getBytes(StandardCharsets.UTF_16LE))));
    }

    @Test
    void unpairedSurrogateOrOddTrailingByteInUtf16IsReplaced() throws ParseException {
        DecodedText lone = decoder.decode(bytes(0xFF, 0xFE, 'k', 0, 0x00, 0xD8, '=', 0));
        assertEquals("k\uFFFD=", lone.text());
        assertTrue(lone.lossy());
        DecodedText odd = decoder.decode(bytes(0xFF, 0xFE, 'k', 0, '=', 0, 'v'));
        assertEquals("k=\uFFFD", odd.text());
        assertTrue(odd.lossy());
    }

    @Test
    void emptyFileIsEmptyUtf8() throws ParseException {
        DecodedText decoded = decoder.decode(new byte[0]);
        assertEquals("", decoded.text());
        assertEquals("UTF-8", decoded.encoding());
        assertFalse(decoded.lossy());
    }

    @Test
    void decodedTextToStringShowsNoContent() throws ParseException {
        assertFalse(decoder.decode("k=SECRET1".getBytes(StandardCharsets.UTF_8))
                .toString()
                .contains("SECRET1"));
    }
}
