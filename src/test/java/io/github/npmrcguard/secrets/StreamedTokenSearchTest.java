package io.github.npmrcguard.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.parse.Lines;
import io.github.npmrcguard.testsupport.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streamed search finds what a search of each line of the whole text finds, at the same lines, whatever
 * the window and read sizes, wherever a token falls against a boundary, in every encoding the decoder
 * recognises. Tokens are compared by fingerprint: a failure message never shows one.
 */
class StreamedTokenSearchTest {
    private final TestTokens tokens = new TestTokens(2026);

    /** One token found: its line, fingerprint and format. */
    record Hit(int line, String fingerprint, TokenFormat format, boolean confident) {}

    /** Searched as a stream that hands out 1 to 13 bytes a read: UTF-16 code units are split between reads. */
    private static List<Hit> streamed(byte[] bytes, StreamedTokenSearch search) throws IOException {
        List<Hit> hits = new ArrayList<>();
        Random chunks = new Random(bytes.length);
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + chunks.nextInt(13)));
            }
        };
        search.search(
                trickle, (line, m, token) -> hits.add(new Hit(line, Fingerprint.of(token), m.format(), m.confident())));
        return hits;
    }

    /** The reference: each line of the decoded text searched on its own, as the known-token rule does. */
    private static List<Hit> perLine(String text) {
        List<Hit> hits = new ArrayList<>();
        List<String> lines = Lines.split(text);
        for (int i = 0; i < lines.size(); i++) {
            for (TokenMatch m : TokenCatalogue.get().find(lines.get(i))) {
                hits.add(new Hit(i + 1, Fingerprint.of(m.in(lines.get(i))), m.format(), m.confident()));
            }
        }
        return hits;
    }

    @Test
    void aTokenIsFoundOnceAtItsLineWhereverItFallsAgainstTheWindowAndReadBoundaries() throws IOException {
        String t = tokens.npm();
        // Window 768 chars, overlap 384 (the least allowed): every offset of the token against the boundaries
        // of the first three windows, read a few bytes at a time.
        StreamedTokenSearch small = new StreamedTokenSearch(768, 384, 7);
        for (int shift = 0; shift < 1600; shift++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < shift) {
                text.append(text.length() % 23 == 0 ? "\r\n" : text.length() % 11 == 0 ? "\n" : "; x");
            }
            text.setLength(shift);
            text.append(' ').append(t).append("\n; after\n");
            String s = text.toString();
            List<Hit> hits = streamed(s.getBytes(StandardCharsets.UTF_8), small);
            assertEquals(1, hits.size(), "shift " + shift);
            assertEquals(perLine(s), hits, "shift " + shift);
        }
    }

    @Test
    void theLongestBoundedTokenIsFoundWholeWhereverItFalls() throws IOException {
        // A GitLab token of the longest shape: 300 chars of body and the 10-char routing suffix.
        String t = "gl" + "pat-" + tokens.base62(300) + ".01" + "abcdefg";
        assertEquals(StreamedTokenSearch.LONGEST_BOUNDED_TOKEN - 4, t.length());
        StreamedTokenSearch small = new StreamedTokenSearch(768, 384, 11);
        for (int shift = 0; shift < 1600; shift += 3) {
            String text = "#\n".repeat(shift / 2) + (shift % 2 == 0 ? "" : "#") + " " + t + " tail\n";
            List<Hit> hits = streamed(text.getBytes(StandardCharsets.US_ASCII), small);
            assertEquals(
                    List.of(new Hit(shift / 2 + 1, Fingerprint.of(t), TokenFormat.GITLAB, true)),
                    hits,
                    "shift " + shift);
        }
    }

    @Test
    void theStandardSizesFindATokenAcrossTheFirstWindowBoundaryAndAtTheEndOfALongLine() throws IOException {
        String t = tokens.githubClassic();
        for (int before : new int[] {
            StreamedTokenSearch.WINDOW - 20,
            StreamedTokenSearch.WINDOW - StreamedTokenSearch.OVERLAP + StreamedTokenSearch.CONTEXT - 1,
            StreamedTokenSearch.READ_BYTES - 1,
            3 * StreamedTokenSearch.WINDOW
        }) {
            String text = "registry=https://r.example/\n; " + "a".repeat(before) + " " + t + " tail\nlast\n";
            List<Hit> hits = streamed(text.getBytes(StandardCharsets.US_ASCII), new StreamedTokenSearch());
            assertEquals(List.of(new Hit(2, Fingerprint.of(t), TokenFormat.GITHUB, true)), hits, "before " + before);
        }
    }

    @Test
    void aTokenGluedToTheTextBeforeItIsNoTokenAlsoAtAWindowsFirstSearchedChar() throws IOException {
        String t = tokens.npm();
        StreamedTokenSearch small = new StreamedTokenSearch(768, 384, 5);
        for (int shift = 0; shift < 1200; shift++) {
            String text = "#".repeat(shift) + "x" + t + "\n";
            assertEquals(List.of(), streamed(text.getBytes(StandardCharsets.US_ASCII), small), "shift " + shift);
        }
    }

    @Test
    void randomTextsGiveWhatThePerLineSearchGivesInEveryEncodingAndWindow() throws IOException {
        Random random = new Random(11);
        String[] breaks = {"\n", "\r\n", "\r", "\n\n", "\r\r\n"};
        String[] filler = {
            "; comment ",
            "key=value",
            "caf\u00e9 ",
            "\u4e2d\u6587",
            "x",
            "npm_short",
            "  ",
            "//r.example/:_authToken=",
            "ey.ey",
            "\t"
        };
        StreamedTokenSearch[] searches = {
            new StreamedTokenSearch(768, 384, 3),
            new StreamedTokenSearch(900, 400, 64),
            new StreamedTokenSearch(1500, 700, 1000),
            new StreamedTokenSearch()
        };
        for (int round = 0; round < 150; round++) {
            StringBuilder text = new StringBuilder();
            int parts = 20 + random.nextInt(400);
            for (int i = 0; i < parts; i++) {
                int pick = random.nextInt(20);
                if (pick < 3) {
                    text.append(breaks[random.nextInt(breaks.length)]);
                } else if (pick < 5) {
                    String token =
                            switch (random.nextInt(7)) {
                                case 0 -> tokens.npm();
                                case 1 -> tokens.npmBadChecksum();
                                case 2 -> tokens.githubClassic();
                                case 3 -> tokens.githubFineGrained();
                                case 4 -> tokens.gitlab();
                                case 5 -> tokens.jwt();
                                default -> tokens.jfrogApiKey();
                            };
                    // Sometimes glued to a letter before or after it: then it is no token.
                    text.append(random.nextInt(6) == 0 ? "q" : " ")
                            .append(token)
                            .append(random.nextInt(6) == 0 ? "Z" : " ");
                } else {
                    text.append(filler[random.nextInt(filler.length)]);
                }
            }
            String s = text.toString();
            List<Hit> expected = perLine(s);
            List<byte[]> encodings = List.of(
                    s.getBytes(StandardCharsets.UTF_8),
                    cat(new byte[] {(byte) 0xff, (byte) 0xfe}, s.getBytes(StandardCharsets.UTF_16LE)),
                    cat(new byte[] {(byte) 0xfe, (byte) 0xff}, s.getBytes(StandardCharsets.UTF_16BE)),
                    cat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, s.getBytes(StandardCharsets.UTF_8)));
            for (StreamedTokenSearch search : searches) {
                for (int e = 0; e < encodings.size(); e++) {
                    assertEquals(expected, streamed(encodings.get(e), search), "round " + round + ", encoding " + e);
                }
            }
        }
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRecognisedByItsNulBytes() throws IOException {
        String t = tokens.npm();
        String text = "registry=https://r.example/\r\n; comment\r\n//r.example/:_authToken=" + t + "\r\n";
        List<Hit> expected = List.of(new Hit(3, Fingerprint.of(t), TokenFormat.NPM, true));
        assertEquals(
                expected, streamed(text.getBytes(StandardCharsets.UTF_16LE), new StreamedTokenSearch(768, 384, 3)));
        assertEquals(expected, streamed(text.getBytes(StandardCharsets.UTF_16BE), new StreamedTokenSearch()));
    }

    @Test
    void anOverlapThatCannotHoldTheLongestBoundedTokenIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> new StreamedTokenSearch(
                        1024, StreamedTokenSearch.CONTEXT + StreamedTokenSearch.LONGEST_BOUNDED_TOKEN - 1, 7));
    }

    @Test
    void memoryIsFlatWhateverTheStreamsLength() throws IOException {
        // A stream of 64 MiB that is never held: the search reads it through buffers of a fixed size.
        StreamedTokenSearch search = new StreamedTokenSearch();
        assertTrue(search.bufferBytes() <= 256 * 1024, "buffers: " + search.bufferBytes());
        String t = tokens.npm();
        long total = 64L << 20;
        byte[] line =
                "; filler filler filler filler filler filler filler filler!\n".getBytes(StandardCharsets.US_ASCII);
        byte[] last = (t + "\n").getBytes(StandardCharsets.US_ASCII);
        long lines = total / line.length;
        InputStream in = new InputStream() {
            private long pos;
            private final long end = lines * line.length + last.length;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                assertTrue(len <= StreamedTokenSearch.READ_BYTES, "asked for " + len + " bytes at once");
                if (pos >= end) {
                    return -1;
                }
                int n = 0;
                while (n < len && pos < end) {
                    long body = lines * line.length;
                    b[off + n++] = pos < body ? line[(int) (pos % line.length)] : last[(int) (pos - body)];
                    pos++;
                }
                return n;
            }
        };
        List<Hit> hits = new ArrayList<>();
        search.search(in, (l, m, token) -> hits.add(new Hit(l, Fingerprint.of(token), m.format(), m.confident())));
        assertEquals(List.of(new Hit((int) lines + 1, Fingerprint.of(t), TokenFormat.NPM, true)), hits);
    }

    private static byte[] cat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
