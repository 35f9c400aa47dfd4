package io.github.npmrcguard.history;

import io.github.npmrcguard.parse.PomKeys;
import io.github.npmrcguard.secrets.TokenCatalogue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides from its bytes, without decoding or parsing it, that a pom version gives no history finding. Of the
 * credential rules only two can report in a pom: {@code known-token} (a token keyword on a line; or in a setting
 * value that is base64 of one) and {@code private-key} (a PEM marker on a line or in a setting value). The
 * others never look at a pom's settings. Settings come only from a pom that names frontend-maven-plugin or
 * exec-maven-plugin, and each is the text of one element. So a pom is plain when its bytes hold no token
 * keyword and no PEM marker, and either it names neither plugin, or every element's text is one run of
 * characters straight between its start and end tags that is no base64 of a token keyword. Anything this
 * reading cannot vouch for (a character or entity reference, CDATA, a DOCTYPE, text beside a comment or a
 * child element, a UTF-16 pom) is left to the parser.
 */
final class PomPrecheck {
    /** What a line must hold for the rules to report it. */
    private static final Keywords ON_LINES = Keywords.of(onLines());
    /** What a pom must hold for the parser to give it settings at all. */
    private static final Keywords PLUGINS = Keywords.of(List.of(PomKeys.FRONTEND, PomKeys.EXEC));
    /** What a base64 value must decode to for {@code known-token} to look further. */
    private static final Keywords TOKENS = Keywords.of(TokenCatalogue.prefixes());

    private PomPrecheck() {}

    private static List<String> onLines() {
        List<String> out = new ArrayList<>(TokenCatalogue.prefixes());
        out.add("PRIVATE KEY-----");
        return out;
    }

    /** Whether the pom with these bytes can give no finding of {@link HistoryScanner#RULES}. */
    static boolean plain(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFF)) {
            return false; // UTF-16 with a byte-order mark
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // one byte, one char: ASCII kept as is
        if (text.indexOf('\0') >= 0 || ON_LINES.in(text)) {
            return false;
        }
        return !PLUGINS.in(text) || !valueMayHold(text);
    }

    /**
     * Whether an element's text may be a value the rules report, as far as a reading that knows only tags,
     * comments and processing instructions can tell: true for anything else.
     */
    static boolean valueMayHold(String text) {
        if (text.indexOf('&') >= 0) {
            return true; // a reference may spell anything
        }
        int n = text.length();
        int p = 0;
        boolean afterStartTag = false;
        while (true) {
            int lt = text.indexOf('<', p);
            int end = lt < 0 ? n : lt;
            if (!blank(text, p, end)) {
                // The element's whole text only when nothing else is in it: else the parser joins the pieces.
                if (!afterStartTag || lt < 0 || !text.startsWith("</", lt) || base64OfToken(text, p, end)) {
                    return true;
                }
            }
            if (lt < 0) {
                return false;
            }
            if (text.startsWith("<!--", lt)) {
                int close = text.indexOf("-->", lt + 4);
                if (close < 0) {
                    return true;
                }
                p = close + 3;
                afterStartTag = false;
            } else if (text.startsWith("<?", lt)) {
                int close = text.indexOf("?>", lt + 2);
                if (close < 0) {
                    return true;
                }
                p = close + 2;
                afterStartTag = false;
            } else if (text.startsWith("<!", lt)) {
                return true; // CDATA, a DOCTYPE
            } else {
                int close = tagEnd(text, lt + 1);
                if (close < 0) {
                    return true;
                }
                afterStartTag = text.charAt(lt + 1) != '/' && text.charAt(close - 1) != '/';
                p = close + 1;
            }
        }
    }

    /** The index of the {@code >} that ends the tag whose name starts at {@code from}; quoted values skipped. */
    private static int tagEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '>') {
                return i;
            }
            if (c == '"' || c == '\'') {
                i = text.indexOf(c, i + 1);
                if (i < 0) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static boolean blank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the text between {@code from} and {@code to}, stripped, may be base64 (either alphabet) of bytes
     * that hold a token keyword: a superset of what {@code known-token} decodes. Bytes outside ASCII at the ends
     * are stripped too, as they may be whitespace the parser's strip removes.
     */
    static boolean base64OfToken(String text, int from, int to) {
        while (from < to && (text.charAt(from) <= ' ' || text.charAt(from) >= 0x7F)) {
            from++;
        }
        while (to > from && (text.charAt(to - 1) <= ' ' || text.charAt(to - 1) >= 0x7F)) {
            to--;
        }
        while (to > from && text.charAt(to - 1) == '=') {
            to--;
        }
        if (to - from < 4) {
            return false;
        }
        byte[] decoded = new byte[(to - from) * 3 / 4];
        int bits = 0;
        int held = 0;
        int out = 0;
        for (int i = from; i < to; i++) {
            int v = sextet(text.charAt(i));
            if (v < 0) {
                return false;
            }
            bits = (bits << 6) | v;
            held += 6;
            if (held >= 8) {
                held -= 8;
                decoded[out++] = (byte) (bits >> held);
            }
        }
        return TOKENS.in(new String(decoded, 0, out, StandardCharsets.ISO_8859_1));
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+' || c == '-') {
            return 62;
        }
        return c == '/' || c == '_' ? 63 : -1;
    }

    /**
     * A set of ASCII keywords found with one vectorised character search per anchor: each keyword is looked
     * for around each place of its anchor, the one of its characters least common in poms.
     */
    private static final class Keywords {
        /** Anchors, the most useful first: rare in poms. */
        private static final String RARE = "_KV-y";

        private final char[] anchors;
        private final String[][] words;
        private final int[][] offsets;

        private Keywords(char[] anchors, String[][] words, int[][] offsets) {
            this.anchors = anchors;
            this.words = words;
            this.offsets = offsets;
        }

        static Keywords of(List<String> keywords) {
            StringBuilder anchors = new StringBuilder();
            List<List<String>> words = new ArrayList<>();
            List<List<Integer>> offsets = new ArrayList<>();
            for (String k : keywords) {
                int at = -1;
                for (int r = 0; r < RARE.length() && at < 0; r++) {
                    at = k.indexOf(RARE.charAt(r));
                }
                at = Math.max(at, 0);
                int slot = anchors.indexOf(String.valueOf(k.charAt(at)));
                if (slot < 0) {
                    slot = anchors.length();
                    anchors.append(k.charAt(at));
                    words.add(new ArrayList<>());
                    offsets.add(new ArrayList<>());
                }
                words.get(slot).add(k);
                offsets.get(slot).add(at);
            }
            String[][] w = new String[words.size()][];
            int[][] o = new int[words.size()][];
            for (int i = 0; i < w.length; i++) {
                w[i] = words.get(i).toArray(new String[0]);
                o[i] = offsets.get(i).stream().mapToInt(Integer::intValue).toArray();
            }
            return new Keywords(anchors.toString().toCharArray(), w, o);
        }

        boolean in(String text) {
            for (int a = 0; a < anchors.length; a++) {
                String[] w = words[a];
                int[] o = offsets[a];
                for (int i = text.indexOf(anchors[a]); i >= 0; i = text.indexOf(anchors[a], i + 1)) {
                    for (int k = 0; k < w.length; k++) {
                        if (text.startsWith(w[k], i - o[k])) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }
}
