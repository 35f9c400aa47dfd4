package io.github.npmrcguard.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds registry tokens by their published shapes (research note section 4): npm {@code npm_}, GitHub
 * {@code ghp_ gho_ ghu_ ghs_ ghr_ github_pat_}, GitLab {@code glpat- glcbt- gldt-}, JFrog {@code AKCp} and
 * reference tokens, Google {@code ya29.}, and JWTs. Used on raw lines (comments included) and on decoded
 * values; auth keys do not need it to fail, it only names what a value is.
 */
public final class TokenCatalogue {
    // One pattern, one pass per line: each alternative is a named group. Look-arounds stand in for \b
    // so that "_" and "-" count as part of a token.
    private static final Pattern TOKENS = Pattern.compile(
            "(?<![A-Za-z0-9_])(?:"
                    + "(?<npm>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])"
                    + "|(?<ghfg>github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])"
                    // GitHub: the classic 36-character body, or the 2026 stateless form (dot-separated JWT segments).
                    + "|(?<gh>gh[pousr]_(?:[A-Za-z0-9_]{36,255}(?![A-Za-z0-9_]|\\.[A-Za-z0-9])"
                    + "|[A-Za-z0-9_]{4,}(?:\\.[A-Za-z0-9_-]{4,}){2,}))"
                    + "|(?<gitlab>(?:glpat-[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z]{2}[0-9a-z]{7})?"
                    + "|glcbt-[A-Za-z0-9]{1,5}_[A-Za-z0-9_-]{20}|gldt-[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-]))"
                    + "|(?<akcp>AKCp[A-Za-z0-9]{69})(?![A-Za-z0-9])"
                    + "|(?<reftkn>cmVmdGtu[A-Za-z0-9]{56})(?![A-Za-z0-9])"
                    + "|(?<ya29>ya29\\.[A-Za-z0-9_-]{20,})"
                    + "|(?<jwt>ey[A-Za-z0-9_-]{17,}\\.ey[A-Za-z0-9_-]{17,}\\.(?:[A-Za-z0-9_-]{10,}={0,2})?)"
                    + ")");

    private static final TokenCatalogue INSTANCE = new TokenCatalogue();

    /** The shared, stateless instance. */
    public static TokenCatalogue get() {
        return INSTANCE;
    }

    /** Every token in {@code text}, left to right. */
    public List<TokenMatch> find(CharSequence text) {
        if (!mayHoldToken(text)) {
            return List.of();
        }
        List<TokenMatch> out = new ArrayList<>(1);
        Matcher m = TOKENS.matcher(text);
        while (m.find()) {
            out.add(toMatch(m, text));
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
            out.add(toMatch(m, text));
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

    private static TokenMatch toMatch(Matcher m, CharSequence text) {
        if (m.group("npm") != null) {
            boolean valid = Base62Checksum.valid(text.subSequence(m.start() + 4, m.end()));
            return new TokenMatch(TokenFormat.NPM, m.start(), m.end(), valid, valid);
        }
        if (m.group("gh") != null) {
            int len = m.end() - m.start();
            // Classic 40-character tokens carry the checksum; the longer and newer stateless forms do not.
            boolean valid = len == 40 && Base62Checksum.valid(text.subSequence(m.start() + 4, m.end()));
            boolean confident = valid || len != 40;
            return new TokenMatch(TokenFormat.GITHUB, m.start(), m.end(), valid, confident);
        }
        TokenFormat format;
        if (m.group("ghfg") != null) {
            format = TokenFormat.GITHUB_FINE_GRAINED;
        } else if (m.group("gitlab") != null) {
            format = TokenFormat.GITLAB;
        } else if (m.group("akcp") != null) {
            format = TokenFormat.JFROG_API_KEY;
        } else if (m.group("reftkn") != null) {
            format = TokenFormat.JFROG_REFERENCE_TOKEN;
        } else if (m.group("ya29") != null) {
            format = TokenFormat.GOOGLE_OAUTH;
        } else {
            format = TokenFormat.JWT;
        }
        return new TokenMatch(format, m.start(), m.end(), false, true);
    }

    /**
     * A cheap pre-check: whether {@code text} holds the fixed start of some format ({@code npm_},
     * {@code github_pat_}, {@code gh?_}, {@code glpat-}, {@code glcbt-}, {@code gldt-}, {@code AKCp},
     * {@code cmVmdGtu}, {@code ya29.}, or the {@code .ey} that starts a JWT's second part). Most lines have
     * none; checking whole prefixes rather than letter pairs keeps pom lines ({@code <plugin>},
     * {@code <key>}) from reaching the regular expression.
     */
    private static boolean mayHoldToken(CharSequence text) {
        for (int i = 0, n = text.length() - 1; i < n; i++) {
            switch (text.charAt(i)) {
                case 'n':
                    if (at(text, i, "npm_")) {
                        return true;
                    }
                    break;
                case 'g':
                    if (at(text, i, "github_pat_") || at(text, i, "glpat-") || at(text, i, "glcbt-") || at(text, i, "gldt-")
                            || i + 3 < text.length() && text.charAt(i + 1) == 'h' && "pousr".indexOf(text.charAt(i + 2)) >= 0
                                    && text.charAt(i + 3) == '_') {
                        return true;
                    }
                    break;
                case 'A':
                    if (at(text, i, "AKCp")) {
                        return true;
                    }
                    break;
                case 'c':
                    if (at(text, i, "cmVmdGtu")) {
                        return true;
                    }
                    break;
                case 'y':
                    if (at(text, i, "ya29.")) {
                        return true;
                    }
                    break;
                case '.':
                    if (at(text, i, ".ey")) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /** The fixed starts {@link #mayHoldToken} looks for. */
    private static final String[] PREFIXES = {"npm_", "github_pat_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_",
        "glpat-", "glcbt-", "gldt-", "AKCp", "cmVmdGtu", "ya29.", ".ey"};

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
