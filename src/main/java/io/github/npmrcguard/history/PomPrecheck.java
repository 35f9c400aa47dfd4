package io.github.npmrcguard.history;

import io.github.npmrcguard.parse.PomKeys;
import io.github.npmrcguard.rules.CredentialKeys;
import io.github.npmrcguard.rules.CredentialsInUrlRule;
import io.github.npmrcguard.rules.Dialect;
import io.github.npmrcguard.rules.ValueClassifier;
import io.github.npmrcguard.rules.ValueKind;
import io.github.npmrcguard.secrets.TokenCatalogue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides from its bytes, without decoding or parsing it, that a pom version gives no history finding. Of the
 * credential rules these can report in a pom: {@code known-token} (a token keyword on a line; or in a setting
 * value that is base64 of one), {@code private-key} (a PEM marker on a line or in a setting value), and the pom
 * rules, which read settings only: {@code pom-literal-env-token} (an element named as a token variable whose
 * text is a literal, or a placeholder for a property of the file that may hold one),
 * {@code pom-literal-argument-token} (an auth key or a token variable's {@code NAME=} among the words of an
 * element's text) and {@code pom-credentials-in-url} (a URL's {@code user:password@} whose password is not a
 * placeholder for something the file does not define; a password-less user info counts only as a token, which
 * has a keyword). The others never look at a pom's settings. Settings come only from a pom that names
 * frontend-maven-plugin or exec-maven-plugin, and each is the text of one element. So a pom is plain when its
 * bytes hold no token keyword and no PEM marker, and either it names neither plugin, or every element's text is
 * one run of characters straight between its start and end tags that none of those rules can report, read
 * whatever element it is in (a superset of the settings), with XML's five predefined references replaced as the
 * parser replaces them. Anything this reading cannot vouch for (a character or other entity reference in text,
 * CDATA, a DOCTYPE, text beside a comment or a child element, a UTF-16 pom, text outside ASCII where a rule
 * would read it) is left to the parser; an {@code &} in a comment or an attribute value is in no setting.
 */
final class PomPrecheck {
    /** What a line must hold for the rules to report it. */
    private static final KeywordSearch ON_LINES = KeywordSearch.of(onLines());
    /** What a pom must hold for the parser to give it settings at all. */
    private static final KeywordSearch PLUGINS = KeywordSearch.of(List.of(PomKeys.FRONTEND, PomKeys.EXEC));
    /** What a base64 value must decode to for {@code known-token} to look further. */
    private static final KeywordSearch TOKENS = KeywordSearch.of(TokenCatalogue.prefixes());
    /** Maven's reference, as the pom rules follow it to the file's properties. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

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
        int n = text.length();
        int p = 0;
        boolean afterStartTag = false;
        int nameFrom = 0;
        int nameTo = 0;
        int depth = 0;
        // Which open elements are named properties, by depth: their children are the properties a value may read.
        BitSet properties = new BitSet();
        // Where the names of those children stand, as pairs of offsets; and the names placeholders read.
        int[] defined = new int[0];
        int definedCount = 0;
        List<String> read = new ArrayList<>(0);
        int amp = text.indexOf('&'); // the next one at or after p
        while (true) {
            int lt = text.indexOf('<', p);
            int end = lt < 0 ? n : lt;
            if (amp >= 0 && amp < p) {
                amp = text.indexOf('&', p);
            }
            if (!blank(text, p, end)) {
                // The element's whole text only when nothing else is in it: else the parser joins the pieces.
                if (!afterStartTag || lt < 0 || !text.startsWith("</", lt)) {
                    return true;
                }
                String value = text;
                int from = p;
                int to = end;
                if (amp >= 0 && amp < end) {
                    value = PredefinedReferences.replaced(text, p, end);
                    if (value == null) {
                        return true;
                    }
                    from = 0;
                    to = value.length();
                }
                if (base64OfToken(value, from, to)
                        || pomRulesMayReport(value, from, to, text, nameFrom, nameTo, read)) {
                    return true;
                }
            }
            if (lt < 0) {
                return readsDefined(text, defined, definedCount, read);
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
                boolean endTag = text.charAt(lt + 1) == '/';
                afterStartTag = !endTag && text.charAt(close - 1) != '/';
                if (endTag) {
                    if (--depth < 0) {
                        return true; // not well-formed: the parser says so
                    }
                } else {
                    nameFrom = lt + 1;
                    nameTo = lt + 1;
                    for (char c; nameTo < close && (c = text.charAt(nameTo)) > ' ' && c != '/'; nameTo++) {
                        if (c == ':') {
                            nameFrom = nameTo + 1; // the local name, as the parser reads it
                        }
                    }
                    if (properties.get(depth)) {
                        if (definedCount + 2 > defined.length) {
                            defined = Arrays.copyOf(defined, Math.max(16, defined.length * 2));
                        }
                        defined[definedCount++] = nameFrom;
                        defined[definedCount++] = nameTo;
                    }
                    properties.set(
                            depth + 1,
                            text.regionMatches(nameFrom, "properties", 0, nameTo - nameFrom)
                                    && nameTo - nameFrom == "properties".length());
                    if (afterStartTag) {
                        depth++;
                    }
                }
                p = close + 1;
            }
        }
    }

    /** Whether a name a placeholder reads is one of the names at {@code defined}'s offset pairs. */
    private static boolean readsDefined(String text, int[] defined, int count, List<String> read) {
        for (String name : read) {
            for (int i = 0; i < count; i += 2) {
                if (defined[i + 1] - defined[i] == name.length() && text.startsWith(name, defined[i])) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a pom rule may report the text {@code [from, to)} of {@code value}, the text of the element whose
     * local name is {@code [nameFrom, nameTo)} of {@code text}, were it a setting; the names of the properties a
     * placeholder in it reads are added to {@code read}, for the caller to look up among the file's properties.
     */
    private static boolean pomRulesMayReport(
            String value, int from, int to, String text, int nameFrom, int nameTo, List<String> read) {
        boolean quote = false;
        boolean equals = false;
        boolean at = false;
        boolean key = false;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\'') {
                quote = true;
            } else if (c == '=') {
                equals = true;
            } else if (c == '@') {
                at = true;
            } else if (c == '_' || (c | 0x20) == 'n' && i + 1 < to && (value.charAt(i + 1) | 0x20) == 'p') {
                key |= keyAt(value, i);
            }
        }
        // pom-literal-argument-token: a word that is an auth key (its value may be the next word), or a key or a
        // token variable before '='. Quote characters are removed from words before they are read.
        if (quote) {
            String words = value.substring(from, to).replace("\"", "").replace("'", "");
            key = false;
            for (int i = 0; i < words.length() && !key; i++) {
                key = keyAt(words, i);
            }
            if (key && (equals || authKey(words, 0, words.length()))) {
                return true;
            }
        } else if (key && (equals || authKey(value, from, to))) {
            return true;
        }
        // pom-literal-env-token: the element is named as a token variable.
        if (tokenVariable(text, nameFrom, nameTo) && mayCarryLiteral(value.substring(from, to), read)) {
            return true;
        }
        // pom-credentials-in-url: a password in a URL (a user name alone counts only as a token, with a keyword).
        if (at) {
            Matcher m = CredentialsInUrlRule.USER_INFO.matcher(value.substring(from, to));
            while (m.find()) {
                String userInfo = m.group(1);
                int colon = userInfo.indexOf(':');
                if (colon >= 0 && mayCarryLiteral(userInfo.substring(colon + 1), read)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a word of an auth key or a token variable's name may start here, in any case: {@code _auth},
     * {@code _password}, {@code npm_token}, {@code npmauth}. Every name {@link CredentialKeys#isArgumentKey} or
     * {@link CredentialKeys#isTokenVariable} accepts holds one of them in ASCII.
     */
    private static boolean keyAt(String s, int i) {
        return s.regionMatches(true, i, "_auth", 0, 5)
                || s.regionMatches(true, i, "_password", 0, 9)
                || s.regionMatches(true, i, "npm_token", 0, 9)
                || s.regionMatches(true, i, "npmauth", 0, 7);
    }

    /** Whether the text holds an auth key as {@link CredentialKeys#isArgumentKey} spells it, case kept. */
    private static boolean authKey(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '_' && (text.startsWith("_auth", i) || text.startsWith("_password", i))
                    || c == 'n' && text.startsWith("npmAuth", i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the name {@code [from, to)} may be one {@link CredentialKeys#isTokenVariable} accepts: it is, or it
     * holds a character outside ASCII (its bytes are not its text).
     */
    private static boolean tokenVariable(String text, int from, int to) {
        boolean word = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return true;
            }
            word |= (c == '_' || c == 'n' || c == 'N') && keyAt(text, i);
        }
        return word && CredentialKeys.isTokenVariable(text.substring(from, to));
    }

    /**
     * Whether a value, as the pom rules classify it, carries a literal: true for text outside ASCII; for a
     * placeholder, the names it reads are added to {@code read}.
     */
    private static boolean mayCarryLiteral(String value, List<String> read) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return true;
            }
        }
        String v = value.indexOf('\r') >= 0 ? value.replace("\r\n", "\n").replace('\r', '\n') : value;
        ValueKind kind = ValueClassifier.classify(v, Dialect.MAVEN);
        if (kind == ValueKind.LITERAL || kind == ValueKind.PLACEHOLDER_WITH_LITERAL) {
            return true;
        }
        if (kind == ValueKind.PLACEHOLDER) {
            Matcher m = REFERENCE.matcher(v);
            while (m.find()) {
                read.add(m.group(1).strip());
            }
        }
        return false;
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
}
