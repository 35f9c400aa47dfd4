package io.github.npmrcguard.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds registry tokens by their published shapes, as the table {@link TokenFormat} lists them: npm
 * {@code npm_}, GitHub {@code ghp_ gho_ ghu_ ghs_ ghr_ github_pat_}, GitLab {@code glpat- glcbt- gldt-}, JFrog
 * {@code AKCp} and reference tokens, Google {@code ya29.}, and JWTs. Used on raw lines (comments included) and
 * on decoded values; auth keys do not need it to fail, it only names what a value is. A prefix followed by a
 * stand-in ({@code npm_xxxx…}) is no token ({@link StandIns}).
 */
public final class TokenCatalogue {
    private static final TokenFormat[] FORMATS = TokenFormat.values();
    // One pattern, one pass per line: each format is one capturing group, numbered by its place in the
    // table. Look-arounds stand in for \b so that "_" and "-" count as part of a token.
    private static final Pattern TOKENS = Pattern.compile(alternation());
    /** The prefilter's keywords, by their first character (ASCII only). */
    private static final String[][] KEYWORDS_BY_FIRST = keywordsByFirst();

    private static final TokenCatalogue INSTANCE = new TokenCatalogue();

    /** The shared, stateless instance. */
    public static TokenCatalogue get() {
        return INSTANCE;
    }

    private static String alternation() {
        StringBuilder p = new StringBuilder("(?<![A-Za-z0-9_])(?:");
        for (int i = 0; i < FORMATS.length; i++) {
            p.append(i == 0 ? "(" : "|(").append(FORMATS[i].pattern()).append(')');
        }
        return p.append(')').toString();
    }

    private static String[][] keywordsByFirst() {
        String[][] byFirst = new String[128][];
        for (TokenFormat f : FORMATS) {
            for (String k : f.keywords()) {
                char c = k.charAt(0);
                String[] old = byFirst[c] == null ? new String[0] : byFirst[c];
                String[] grown = Arrays.copyOf(old, old.length + 1);
                grown[old.length] = k;
                byFirst[c] = grown;
            }
        }
        return byFirst;
    }

    /** Every token in {@code text}, left to right. */
    public List<TokenMatch> find(CharSequence text) {
        if (!mayHoldToken(text)) {
            return List.of();
        }
        List<TokenMatch> out = new ArrayList<>(1);
        Matcher m = TOKENS.matcher(text);
        while (m.find()) {
            add(out, toMatch(m, text));
        }
        return out;
    }

    /**
     * Every token in {@code text} that starts at or after {@code from}, left to right. The chars before
     * {@code from} are still seen by the patterns' look-behind, as in a search of the whole text.
     */
    public List<TokenMatch> find(CharSequence text, int from) {
        if (!mayHoldToken(text)) {
            return List.of();
        }
        List<TokenMatch> out = new ArrayList<>(1);
        Matcher m = TOKENS.matcher(text);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        m.region(from, text.length());
        while (m.find()) {
            add(out, toMatch(m, text));
        }
        return out;
    }

    /** The format of {@code value} when the whole value is one token, else {@code null}. */
    public TokenMatch whole(String value) {
        Matcher m = TOKENS.matcher(value);
        if (m.matches()) {
            return toMatch(m, value);
        }
        return null;
    }

    private static void add(List<TokenMatch> out, TokenMatch match) {
        if (match != null) {
            out.add(match);
        }
    }

    /** The match the matcher stands on, or null when it is a prefix followed by a stand-in. */
    private static TokenMatch toMatch(Matcher m, CharSequence text) {
        int group = 1;
        while (m.start(group) < 0) {
            group++;
        }
        TokenFormat format = FORMATS[group - 1];
        CharSequence body = text.subSequence(m.start() + prefixLength(format, text, m.start()), m.end());
        if (StandIns.isStandInBody(body)) {
            return null;
        }
        boolean valid = false;
        boolean confident = true;
        if (format.checksum() == TokenFormat.Checksum.CRC32_BASE62 && body.length() == 36) {
            valid = Base62Checksum.valid(body);
            confident = valid;
        }
        return new TokenMatch(format, m.start(), m.end(), valid, confident);
    }

    /** How many chars of the token at {@code start} are the format's prefix. */
    private static int prefixLength(TokenFormat format, CharSequence text, int start) {
        for (String p : format.prefixes()) {
            if (at(text, start, p)) {
                return p.length();
            }
        }
        return 0;
    }

    /**
     * A cheap pre-check: whether {@code text} holds a keyword of some format (its fixed start, or for a JWT
     * the {@code .ey} that starts its second part). Most lines have none; checking whole keywords rather
     * than letter pairs keeps pom lines ({@code <plugin>}, {@code <key>}) from reaching the regular
     * expression.
     */
    private static boolean mayHoldToken(CharSequence text) {
        for (int i = 0, n = text.length() - 1; i < n; i++) {
            char c = text.charAt(i);
            String[] keywords = c < 128 ? KEYWORDS_BY_FIRST[c] : null;
            if (keywords != null) {
                for (String k : keywords) {
                    if (at(text, i, k)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The fixed starts {@link #mayHoldToken} looks for. */
    private static final String[] PREFIXES = {
        "npm_",
        "github_pat_",
        "ghp_",
        "gho_",
        "ghu_",
        "ghs_",
        "ghr_",
        "glpat-",
        "glcbt-",
        "gldt-",
        "AKCp",
        "cmVmdGtu",
        "ya29.",
        ".ey"
    };

    /**
     * The same pre-check for a whole file's text: one search per prefix, which on a long text costs far less
     * than looking at each character that could start one.
     */
    public static boolean mayHoldTokenInFile(String text) {
        for (String prefix : PREFIXES) {
            if (text.indexOf(prefix) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The fixed starts {@link #mayHoldTokenInFile} looks for: every token this catalogue finds holds one. */
    public static List<String> prefixes() {
        return List.of(PREFIXES);
    }

    private static boolean at(CharSequence text, int i, String prefix) {
        if (i + prefix.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (text.charAt(i + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
