package io.github.npmrcguard.rules;

/**
 * An inline PEM private key, as npm's deprecated {@code key=} setting takes it, or pasted anywhere in the
 * file. Client certificates ({@code cert=}) are public and not reported.
 */
public final class PrivateKeyRule implements Rule {
    public static final RuleInfo INFO = new RuleInfo(
            "private-key",
            Severity.ERROR,
            "Inline private key",
            "The file holds a PEM private key. Treat the key as compromised: replace the certificate, then point "
                    + "npm at a key file outside the repository with //host/:keyfile=/path/to/key.pem.",
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
        for (var s : doc.settings()) {
            if (isPrivateKey(s.value())) {
                sink.report(
                        INFO,
                        s.line(),
                        "inline private key",
                        s.key(),
                        Secret.of(s.value().strip()));
            }
        }
        for (int i = 0; i < doc.lines().size(); i++) {
            String line = doc.lines().get(i);
            if (isPrivateKey(line) && !sink.hasErrorAt(i + 1)) {
                sink.report(INFO, i + 1, "private key block", "", Secret.of(line.strip()));
            }
        }
    }

    private static boolean isPrivateKey(String text) {
        int begin = text.indexOf("-----BEGIN ");
        return begin >= 0 && text.indexOf("PRIVATE KEY-----", begin) > 0;
    }
}
