package io.github.npmrcguard.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Searches a stream of any length for token formats in flat memory: a byte buffer and a char window of fixed
 * size, whatever the size of the stream or of its lines (a single line of 10 MB is searched the same way).
 * Used for files too large to parse, which are searched and not read whole.
 *
 * <p><b>Windows.</b> The text is searched a window at a time; each window keeps the last
 * {@link #OVERLAP} chars of the one before, so a token that straddles the boundary between two reads is
 * whole in one window. Each match is reported by the one window where its start lies in the part that
 * window owns (before its last {@code OVERLAP - CONTEXT} chars, or anywhere in the last window), and only
 * when it starts after the end of the last match reported: so each token is reported once, at its absolute
 * offset. The search of a window starts {@link #CONTEXT} chars in, with the chars before it visible to the
 * patterns' look-behind, as a search of the whole text would see them. Every format of bounded length (at
 * most {@link #LONGEST_BOUNDED_TOKEN} chars) is so found whole. A token of an unbounded format (a JWT, a
 * Google token, GitHub's stateless form) longer than {@code OVERLAP - CONTEXT} chars, 4,032, that reaches
 * the end of a window is reported with the part of it in that window, or, when that part is no token by
 * itself, missed: no such token is known in a registry config.
 *
 * <p><b>Decoding.</b> Token formats are ASCII, so bytes are read as ISO-8859-1 (one char per byte): a UTF-8
 * multi-byte character becomes chars that are no token chars, just as decoded, and a line break is the same
 * byte in both. UTF-16 is recognised as {@code TextDecoder} recognises it: by its byte order mark, or,
 * without one, by the NUL bytes in the high byte of nearly every code unit of the first
 * {@link #SNIFF_BYTES} bytes; then each code unit is one char.
 *
 * <p><b>Lines</b> are counted as stored: CRLF, a lone LF and a lone CR each end one line (as
 * {@code io.github.npmrcguard.parse.Lines} counts them), also when a CRLF is split between two reads.
 */
public final class StreamedTokenSearch {
    /** The chars searched at a time. */
    public static final int WINDOW = 64 * 1024;
    /** The chars a window keeps of the one before: more than any token of a bounded format. */
    public static final int OVERLAP = 4 * 1024;
    /** The chars before a window's own part that the look-behind of the patterns may see. */
    static final int CONTEXT = 64;
    /**
     * The longest token of a format with a bounded length: {@code glpat-}, 300 chars and a 10-char suffix. An
     * overlap must hold one and the context before it.
     */
    static final int LONGEST_BOUNDED_TOKEN = 320;
    /** The bytes read at a time. */
    public static final int READ_BYTES = 64 * 1024;
    /** How many bytes at the start decide between UTF-16 and a single-byte reading. */
    static final int SNIFF_BYTES = 4096;

    /** Receives each token found, in the order of the text. */
    @FunctionalInterface
    public interface Found {
        /**
         * @param line  the 1-based line the token starts on
         * @param match its format and checksum verdict (its offsets are within the window searched)
         * @param token the token: a secret, to be fingerprinted and dropped
         */
        void token(int line, TokenMatch match, String token);
    }

    private final int window;
    private final int overlap;
    private final int readBytes;

    /** The standard sizes. */
    public StreamedTokenSearch() {
        this(WINDOW, OVERLAP, READ_BYTES);
    }

    /** Other sizes, for tests that put a token across a boundary. */
    StreamedTokenSearch(int window, int overlap, int readBytes) {
        if (overlap < CONTEXT + LONGEST_BOUNDED_TOKEN || window < 2 * overlap || readBytes < 2) {
            throw new IllegalArgumentException("window " + window + ", overlap " + overlap + ", read " + readBytes);
        }
        this.window = window;
        this.overlap = overlap;
        this.readBytes = readBytes;
    }

    /** The most memory a search holds, in bytes: its byte buffer and its char window. */
    public long bufferBytes() {
        return readBytes + 2L * window;
    }

    /**
     * Searches {@code in} to its end (the caller closes it).
     *
     * @throws IOException when reading fails, after the tokens in what was read have been reported
     */
    public void search(InputStream in, Found found) throws IOException {
        TokenCatalogue catalogue = TokenCatalogue.get();
        Decoder decoder = new Decoder(in, readBytes);
        char[] chars = new char[window];
        CharWindow text = new CharWindow(chars);
        LineCounter lines = new LineCounter();
        int n = 0;
        int from = 0;
        boolean end = false;
        while (true) {
            while (n < window && !end) {
                int got = decoder.read(chars, n, window - n);
                if (got < 0) {
                    end = true;
                } else {
                    n += got;
                }
            }
            text.length = n;
            // Matches starting at or after the limit are left to the next window, where they are whole.
            int limit = end ? n : n - overlap + CONTEXT;
            int lastEnd = from;
            List<TokenMatch> matches = from < n ? catalogue.find(text, from) : List.of();
            for (TokenMatch m : matches) {
                if (m.start() >= limit) {
                    break;
                }
                lines.advance(chars, m.start());
                found.token(lines.line(), m, m.in(text));
                lastEnd = m.end();
            }
            if (end) {
                decoder.throwFailure();
                return;
            }
            int drop = n - overlap;
            lines.advance(chars, drop);
            lines.shift(drop);
            System.arraycopy(chars, drop, chars, 0, overlap);
            n = overlap;
            from = Math.max(CONTEXT, lastEnd - drop);
        }
    }

    /** A view of the filled part of the window, for the patterns; no copy. */
    private static final class CharWindow implements CharSequence {
        private final char[] chars;
        private int length;

        CharWindow(char[] chars) {
            this.chars = chars;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return chars[index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(chars, start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }

    /** Counts line breaks up to a position of the window, across windows. */
    private static final class LineCounter {
        private long breaks;
        private boolean afterCr;
        /** The window position up to which breaks are counted. */
        private int counted;

        void advance(char[] chars, int to) {
            for (int i = counted; i < to; i++) {
                char c = chars[i];
                if (c == '\r') {
                    breaks++;
                } else if (c == '\n' && !afterCr) {
                    breaks++;
                }
                afterCr = c == '\r';
            }
            counted = Math.max(counted, to);
        }

        /** The window dropped its first {@code drop} chars (all counted). */
        void shift(int drop) {
            counted -= drop;
        }

        int line() {
            return (int) Math.min(Integer.MAX_VALUE, breaks + 1);
        }
    }

    /** Bytes to chars: one per byte, or one per UTF-16 code unit when the start of the stream says UTF-16. */
    private static final class Decoder {
        private final InputStream in;
        private final byte[] bytes;
        private int pos;
        private int limit;
        private boolean end;
        /** Why reading stopped before the end, thrown once what was read has been searched. */
        private IOException failure;
        /** 0: one byte per char; 1: UTF-16LE; 2: UTF-16BE. */
        private final int mode;

        Decoder(InputStream in, int size) {
            this.in = in;
            this.bytes = new byte[Math.max(size, SNIFF_BYTES)];
            fill(SNIFF_BYTES);
            this.mode = utf16(bytes, limit);
        }

        /** Reads until {@code want} bytes are buffered or the stream ends. */
        private void fill(int want) {
            while (limit < want && !end) {
                int got;
                try {
                    got = in.read(bytes, limit, bytes.length - limit);
                } catch (IOException e) {
                    failure = e;
                    got = -1;
                }
                if (got < 0) {
                    end = true;
                } else {
                    limit += got;
                }
            }
        }

        void throwFailure() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }

        private static int utf16(byte[] b, int n) {
            if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
                return 1;
            }
            if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
                return 2;
            }
            int zerosAtEven = 0;
            int zerosAtOdd = 0;
            int pairs = n / 2;
            for (int i = 0; i + 1 < n; i += 2) {
                if (b[i] == 0) {
                    zerosAtEven++;
                }
                if (b[i + 1] == 0) {
                    zerosAtOdd++;
                }
            }
            // The same test as TextDecoder's: a zero in the high byte of most code units, rarely in the low one.
            if (pairs > 0 && zerosAtOdd * 10L >= pairs * 7L && zerosAtEven * 10L <= pairs) {
                return 1;
            }
            if (pairs > 0 && zerosAtEven * 10L >= pairs * 7L && zerosAtOdd * 10L <= pairs) {
                return 2;
            }
            return 0;
        }

        /** Up to {@code max} chars into {@code out} at {@code off}; -1 at the end of the stream. */
        int read(char[] out, int off, int max) {
            int unit = mode == 0 ? 1 : 2;
            if (limit - pos < unit) {
                // Keep an odd byte of a code unit split between two reads.
                int left = limit - pos;
                System.arraycopy(bytes, pos, bytes, 0, left);
                pos = 0;
                limit = left;
                fill(unit);
                if (limit - pos < unit) {
                    return -1; // an odd last byte of UTF-16 is no token char
                }
            }
            int count = Math.min(max, (limit - pos) / unit);
            if (mode == 0) {
                for (int i = 0; i < count; i++) {
                    out[off + i] = (char) (bytes[pos + i] & 0xFF);
                }
            } else {
                boolean little = mode == 1;
                for (int i = 0; i < count; i++) {
                    int a = bytes[pos + 2 * i] & 0xFF;
                    int b = bytes[pos + 2 * i + 1] & 0xFF;
                    out[off + i] = (char) (little ? (b << 8) | a : (a << 8) | b);
                }
            }
            pos += count * unit;
            return count;
        }
    }
}
