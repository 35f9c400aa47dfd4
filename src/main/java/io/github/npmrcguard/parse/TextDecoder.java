package io.github.npmrcguard.parse;

/**
 * Turns a config file's bytes into text the way node's {@code fs.readFile(file, 'utf8')} does, which is how
 * npm, yarn and bun read their config files: UTF-8, with every invalid byte sequence replaced by U+FFFD (so a
 * Latin-1 file still parses, with its non-ASCII letters replaced). On top of that it recognises UTF-16 with
 * or without a byte order mark, which editors on Windows write and which would otherwise hide a whole file
 * from the scan, and it refuses binary content.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextDecoder {

    /** The message of the exception thrown for binary content; it never quotes the file. */
    static final String BINARY = "binary content, not a text file";

    private static final char REPLACEMENT = '\uFFFD';

    /**
     * Decodes a whole file.
     *
     * @param bytes the file content as stored
     * @return the text without its byte order mark, what was detected, and whether bytes were replaced
     * @throws ParseException when the content is binary: a NUL byte (or a NUL character after UTF-16
     *                        decoding) that is not part of UTF-16 text
     */
    public DecodedText decode(byte[] bytes) throws ParseException {
        int n = bytes.length;
        if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return checked(decodeUtf8(bytes, 3, "UTF-8 with BOM"));
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return checked(decodeUtf16(bytes, 2, true, "UTF-16LE with BOM"));
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return checked(decodeUtf16(bytes, 2, false, "UTF-16BE with BOM"));
        }
        if (indexOfNul(bytes) < 0) {
            return decodeUtf8(bytes, 0, "UTF-8");
        }
        // NUL bytes: either UTF-16 written without a BOM, or not text at all.
        int zerosAtEven = 0;
        int zerosAtOdd = 0;
        int pairs = n / 2;
        for (int i = 0; i + 1 < n; i += 2) {
            if (bytes[i] == 0) {
                zerosAtEven++;
            }
            if (bytes[i + 1] == 0) {
                zerosAtOdd++;
            }
        }
        // Mostly-ASCII UTF-16 has a zero in the high byte of nearly every code unit and almost never in the
        // low byte; anything else with NULs in it is binary.
        if (looksLikeUtf16(zerosAtOdd, zerosAtEven, pairs)) {
            return checked(decodeUtf16(bytes, 0, true, "UTF-16LE"));
        }
        if (looksLikeUtf16(zerosAtEven, zerosAtOdd, pairs)) {
            return checked(decodeUtf16(bytes, 0, false, "UTF-16BE"));
        }
        throw new ParseException(BINARY, 0);
    }

    private static boolean looksLikeUtf16(int zerosInHighByte, int zerosInLowByte, int pairs) {
        return pairs > 0 && zerosInHighByte * 10L >= pairs * 7L && zerosInLowByte * 10L <= pairs;
    }

    private static DecodedText checked(DecodedText decoded) throws ParseException {
        // A NUL character is not text in any of these formats; treat it like a NUL byte.
        if (decoded.text().indexOf('\0') >= 0) {
            throw new ParseException(BINARY, 0);
        }
        return decoded;
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * UTF-8 decoding as the WHATWG Encoding Standard defines it (and V8, hence node, implements it): each
     * maximal invalid subsequence becomes one U+FFFD. Hand-written so that the replacement count matches node
     * exactly rather than depending on the JDK decoder's choices.
     */
    private static DecodedText decodeUtf8(byte[] bytes, int start, String encoding) {
        char[] out = new char[bytes.length - start];
        int len = 0;
        boolean lossy = false;
        int needed = 0;
        int seen = 0;
        int codePoint = 0;
        int lower = 0x80;
        int upper = 0xBF;
        int i = start;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (needed == 0) {
                i++;
                if (b <= 0x7F) {
                    out[len++] = (char) b;
                } else if (b >= 0xC2 && b <= 0xDF) {
                    needed = 1;
                    codePoint = b & 0x1F;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    if (b == 0xE0) {
                        lower = 0xA0;
                    } else if (b == 0xED) {
                        upper = 0x9F;
                    }
                    needed = 2;
                    codePoint = b & 0x0F;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    if (b == 0xF0) {
                        lower = 0x90;
                    } else if (b == 0xF4) {
                        upper = 0x8F;
                    }
                    needed = 3;
                    codePoint = b & 0x07;
                } else {
                    out[len++] = REPLACEMENT;
                    lossy = true;
                }
                continue;
            }
            if (b < lower || b > upper) {
                // The sequence so far is one error; the current byte starts over (it is not consumed).
                needed = 0;
                seen = 0;
                codePoint = 0;
                lower = 0x80;
                upper = 0xBF;
                out[len++] = REPLACEMENT;
                lossy = true;
                continue;
            }
            i++;
            lower = 0x80;
            upper = 0xBF;
            codePoint = (codePoint << 6) | (b & 0x3F);
            seen++;
            if (seen == needed) {
                if (codePoint >= 0x10000) {
                    out[len++] = Character.highSurrogate(codePoint);
                    out[len++] = Character.lowSurrogate(codePoint);
                } else {
                    out[len++] = (char) codePoint;
                }
                needed = 0;
                seen = 0;
                codePoint = 0;
            }
        }
        if (needed != 0) {
            out[len++] = REPLACEMENT;
            lossy = true;
        }
        return new DecodedText(new String(out, 0, len), encoding, lossy);
    }

    private static DecodedText decodeUtf16(byte[] bytes, int start, boolean littleEndian, String encoding) {
        int units = (bytes.length - start) / 2;
        boolean oddTail = (bytes.length - start) % 2 != 0;
        char[] out = new char[units + (oddTail ? 1 : 0)];
        int len = 0;
        boolean lossy = false;
        for (int u = 0; u < units; u++) {
            char c = unitAt(bytes, start + 2 * u, littleEndian);
            if (Character.isHighSurrogate(c)
                    && u + 1 < units
                    && Character.isLowSurrogate(unitAt(bytes, start + 2 * (u + 1), littleEndian))) {
                out[len++] = c;
                out[len++] = unitAt(bytes, start + 2 * (u + 1), littleEndian);
                u++;
            } else if (Character.isSurrogate(c)) {
                out[len++] = REPLACEMENT;
                lossy = true;
            } else {
                out[len++] = c;
            }
        }
        if (oddTail) {
            out[len++] = REPLACEMENT;
            lossy = true;
        }
        return new DecodedText(new String(out, 0, len), encoding, lossy);
    }

    private static char unitAt(byte[] bytes, int index, boolean littleEndian) {
        int first = bytes[index] & 0xFF;
        int second = bytes[index + 1] & 0xFF;
        return (char) (littleEndian ? (second << 8) | first : (first << 8) | second);
    }
}
