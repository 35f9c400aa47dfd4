package io.github.npmrcguard.rules;

import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.secrets.Base64Text;
import io.github.npmrcguard.secrets.TokenCatalogue;
import io.github.npmrcguard.secrets.TokenMatch;

/**
 * A recognised token format anywhere in the file: in a comment, in a key that is not an auth key, inside
 * a quoted value whose JSON escapes hide it from a plain text search, or inside base64. Runs after the
 * auth-key rules and stays quiet on lines they already reported.
 */
public final class KnownTokenRule implements Rule {
    public static final RuleInfo INFO = new RuleInfo(
            "known-token",
            Severity.ERROR,
            "Recognised token format",
            "Text in the file has the shape of a registry token (npm_, ghp_, github_pat_, glpat-, AKCp, a JWT and "
                    + "the like), even if no client reads it from there: in a comment, in another key, or encoded. "
                    + "Anyone with the repository has it. Revoke it, then delete it from the file. A token whose "
                    + "built-in checksum does not hold is reported as a warning.",
            true);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean readsContentOnly() {
        return true;
    }

    @Override
    public void check(ConfigDocument doc, FindingSink sink) {
        TokenCatalogue catalogue = TokenCatalogue.get();
        for (int i = 0; i < doc.lines().size(); i++) {
            int line = i + 1;
            if (sink.hasErrorAt(line)) {
                continue;
            }
            String text = doc.lines().get(i);
            for (TokenMatch m : catalogue.find(text)) {
                report(sink, line, "", m, m.in(text), "");
            }
        }
        for (Setting s : doc.settings()) {
            if (sink.hasErrorAt(s.line())) {
                continue;
            }
            // Decoded values: JSON escapes in quoted npm values, and base64 in _auth/_password.
            if (s.quoted()) {
                for (TokenMatch m : catalogue.find(s.value())) {
                    report(sink, s.line(), s.key(), m, m.in(s.value()), "");
                }
            }
            String decoded = Base64Text.decode(s.value().strip());
            if (decoded != null && !sink.hasErrorAt(s.line())) {
                for (TokenMatch m : catalogue.find(decoded)) {
                    report(sink, s.line(), s.key(), m, m.in(decoded), "base64-encoded ");
                }
            }
        }
    }

    /**
     * Reports a token found outside a document: in a file too large to parse, searched as a stream. The
     * finding reads as one in an unparsable file's raw lines: no key, the token's format.
     */
    public static void reportStreamed(FindingSink sink, int line, TokenMatch m, String token) {
        report(sink, line, "", m, token, "");
    }

    private static void report(FindingSink sink, int line, String key, TokenMatch m, String token, String encoded) {
        if (m.confident()) {
            sink.report(INFO, Severity.ERROR, line, encoded + Describe.tokenWords(m), key, Secret.of(token));
        } else {
            sink.report(
                    INFO,
                    Severity.WARNING,
                    line,
                    encoded + m.format().description() + " shape with an invalid checksum",
                    key,
                    Secret.of(token));
        }
    }
}
