package io.github.npmrcguard.secrets;

import java.util.List;

/**
 * The token formats the scan recognises by shape (research note section 4), as one table: the search and
 * its prefilter ({@link TokenCatalogue}) are built from it, and a test runs each entry's samples through
 * them. Adding a format is adding one entry.
 *
 * <p>Each entry holds: the words a log line uses for it; the {@code prefixes} a token of it starts with
 * (a value that is one of them followed by a stand-in is no token); the {@code keywords} a text must hold
 * for the search to run at all (the prefixes, unless they are too common); its {@code pattern}, with no
 * capturing group, that ends where the token ends; its length bounds (0: unbounded); its checksum; and
 * sample recipes that must match and must not match. A recipe is made into a value when a test runs
 * ({@code TokenRecipe}), so that no token-shaped value is ever committed: parts joined by {@code " + "},
 * each a literal, {@code N alphabet} (N random characters of {@code base62}, {@code hex}, {@code lower},
 * {@code lowernum}, {@code b64url}), {@code N*c} (the character c, N times) or {@code crc} (the base62
 * CRC32 of the random characters since the last literal).
 */
public enum TokenFormat {
    NPM(
            "npm access token",
            List.of("npm_"),
            "npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])",
            40,
            40,
            Checksum.CRC32_BASE62,
            List.of("npm_ + 30 base62 + crc"),
            List.of(
                    "npm_ + 35 base62",
                    "npm_ + 50 base62",
                    "x + npm_ + 30 base62 + crc",
                    "npm_ + 36*x",
                    "npm_ + 36*0")),
    GITHUB(
            "GitHub token",
            List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
            // The classic 36-character body, or the 2026 stateless form (dot-separated JWT segments).
            "gh[pousr]_(?:[A-Za-z0-9_]{36,255}(?![A-Za-z0-9_]|\\.[A-Za-z0-9])"
                    + "|[A-Za-z0-9_]{4,}(?:\\.[A-Za-z0-9_-]{4,}){2,})",
            18,
            0,
            Checksum.CRC32_BASE62,
            List.of(
                    "ghp_ + 30 base62 + crc",
                    "gho_ + 30 base62 + crc",
                    "ghu_ + 30 base62 + crc",
                    "ghs_ + 30 base62 + crc",
                    "ghr_ + 30 base62 + crc",
                    "ghp_ + 44 base62",
                    "ghs_ + 20 base62 + . + 200 base62 + . + 43 base62"),
            List.of("ghp_ + 35 base62", "ghx_ + 30 base62 + crc", "ghp_ + 36*X", "gho_ + 36*x")),
    GITHUB_FINE_GRAINED(
            "GitHub fine-grained token",
            List.of("github_pat_"),
            "github_pat_[A-Za-z0-9_]{82}(?![A-Za-z0-9_])",
            93,
            93,
            Checksum.NONE,
            List.of("github_pat_ + 22 base62 + _ + 59 base62"),
            List.of("github_pat_ + 81 base62", "github_pat_ + 82*x")),
    GITLAB(
            "GitLab token",
            List.of("glpat-", "glcbt-", "gldt-"),
            "(?:glpat-[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z]{2}[0-9a-z]{7})?"
                    + "|glcbt-[A-Za-z0-9]{1,5}_[A-Za-z0-9_-]{20}|gldt-[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])",
            25,
            316,
            Checksum.NONE,
            List.of(
                    "glpat- + 20 base62",
                    "glpat- + 27 base62 + . + 9 lowernum",
                    "glcbt- + 2 base62 + _ + 20 base62",
                    "gldt- + 20 base62"),
            List.of("glpat- + 19 base62", "gldt- + 19 base62", "glpat- + 20*x")),
    JFROG_API_KEY(
            "JFrog API key",
            List.of("AKCp"),
            "AKCp[A-Za-z0-9]{69}(?![A-Za-z0-9])",
            73,
            73,
            Checksum.NONE,
            List.of("AKCp + 69 base62"),
            List.of("AKCp + 68 base62", "AKCp + 69*x")),
    JFROG_REFERENCE_TOKEN(
            "JFrog reference token",
            List.of("cmVmdGtu"),
            "cmVmdGtu[A-Za-z0-9]{56}(?![A-Za-z0-9])",
            64,
            64,
            Checksum.NONE,
            List.of("cmVmdGtu + 56 base62"),
            List.of("cmVmdGtu + 55 base62", "cmVmdGtu + 56*0")),
    GOOGLE_OAUTH(
            "Google OAuth access token",
            List.of("ya29."),
            "ya29\\.[A-Za-z0-9_-]{20,}",
            25,
            0,
            Checksum.NONE,
            List.of("ya29. + 40 b64url"),
            List.of("ya29. + 19 b64url", "ya29. + 40*x")),
    // "ey" starts too many words to prefilter on; a JWT's second part starts with ".ey".
    JWT(
            "JSON web token",
            List.of("ey"),
            List.of(".ey"),
            "ey[A-Za-z0-9_-]{17,}\\.ey[A-Za-z0-9_-]{17,}\\.(?:[A-Za-z0-9_-]{10,}={0,2})?",
            40,
            0,
            Checksum.NONE,
            List.of("eyJ + 30 b64url + .eyJ + 40 b64url + . + 43 b64url", "eyJ + 20 base62 + .eyJ + 20 base62 + ."),
            List.of("eyJ + 15 base62 + .eyJ + 30 base62 + .A + 42 base62", "eyJ + 30 base62 + .A + 42 base62"));

    /** How a token's last characters check the rest. */
    public enum Checksum {
        NONE,
        /**
         * npm's and GitHub's 2021 formats: a 36-character body after the prefix whose last 6 are the base62
         * CRC32 of the 30 before ({@link Base62Checksum}). A body of another length carries none.
         */
        CRC32_BASE62
    }

    private final String description;
    private final List<String> prefixes;
    private final List<String> keywords;
    private final String pattern;
    private final int minLength;
    private final int maxLength;
    private final Checksum checksum;
    private final List<String> samples;
    private final List<String> nonSamples;

    TokenFormat(
            String description,
            List<String> prefixes,
            String pattern,
            int minLength,
            int maxLength,
            Checksum checksum,
            List<String> samples,
            List<String> nonSamples) {
        this(description, prefixes, prefixes, pattern, minLength, maxLength, checksum, samples, nonSamples);
    }

    TokenFormat(
            String description,
            List<String> prefixes,
            List<String> keywords,
            String pattern,
            int minLength,
            int maxLength,
            Checksum checksum,
            List<String> samples,
            List<String> nonSamples) {
        this.description = description;
        this.prefixes = prefixes;
        this.keywords = keywords;
        this.pattern = pattern;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.checksum = checksum;
        this.samples = samples;
        this.nonSamples = nonSamples;
    }

    /** How a log line names it, e.g. "npm access token". */
    public String description() {
        return description;
    }

    /** What a token of this format starts with. */
    public List<String> prefixes() {
        return prefixes;
    }

    /** Text the search needs to see before it runs the pattern (the prefilter). */
    public List<String> keywords() {
        return keywords;
    }

    /** The regular expression of one token, without capturing groups. */
    public String pattern() {
        return pattern;
    }

    /** The fewest characters a token of this format has. */
    public int minLength() {
        return minLength;
    }

    /** The most characters a token of this format has; 0 when its length has no bound. */
    public int maxLength() {
        return maxLength;
    }

    public Checksum checksum() {
        return checksum;
    }

    /** Recipes of values that must be found as one token of this format. */
    public List<String> samples() {
        return samples;
    }

    /** Recipes of values in which no token may be found. */
    public List<String> nonSamples() {
        return nonSamples;
    }
}
