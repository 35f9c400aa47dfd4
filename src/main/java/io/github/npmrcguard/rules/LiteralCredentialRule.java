package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.secrets.TokenCatalogue;
import java.util.List;

/**
 * A literal value in an auth key ({@code _authToken}, {@code _auth}, {@code _password}, yarn's
 * {@code npmAuthToken}/{@code npmAuthIdent}, bun's {@code token}/{@code password}), in any scope, whatever
 * its format or checksum: a random string in an auth key is a credential. Also such a value on a commented-out
 * auth line of an {@code .npmrc}.
 */
public final class LiteralCredentialRule extends CredentialValueRule {
    public static final RuleInfo INFO = new RuleInfo(
            "literal-credential",
            Severity.ERROR,
            "Literal credential in an auth key",
            "An auth key holds a literal credential, so everyone who can read the repository can use it. Revoke "
                    + "the token first: removing the line does not remove it from git history. Then replace the "
                    + "value with a placeholder that the client fills from the environment (npm: "
                    + "_authToken=${NPM_TOKEN}; yarn 2+: npmAuthToken: \"${NPM_TOKEN:-}\"; bun: token = "
                    + "\"$NPM_TOKEN\"), keep the token in a CI secret, and run mvn npmrc-guard:fix to rewrite it.",
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
    void check(ConfigDocument doc, Setting s, ValueKind kind, FindingSink sink) {
        if (kind == ValueKind.LITERAL) {
            String what = Describe.literal(s.value(), CredentialKeys.isBase64(doc.kind(), s)) + readers(doc, s);
            sink.report(INFO, s.line(), what, s.key(), Secret.of(s.value().strip()));
        }
    }

    /**
     * A commented-out auth line of an {@code .npmrc} ({@code ;//host/:_authToken=...}, {@code # _auth=...}) or a
     * {@code .yarnrc.yml} ({@code # npmAuthToken: ...}): no client reads it, but the credential is committed all
     * the same. A stand-in or a placeholder there stays silent, and a recognised token format is left to
     * {@link KnownTokenRule}, which reports it anywhere.
     */
    @Override
    void checkLines(ConfigDocument doc, FindingSink sink) {
        if (doc.kind() != FileKind.NPMRC && doc.kind() != FileKind.YARNRC_YML) {
            return;
        }
        for (int i = 0; i < doc.lines().size(); i++) {
            String line = doc.lines().get(i);
            if (!mayBeComment(line)) {
                continue; // decided here: most files have few comments, and the helper class then stays unloaded
            }
            int start = CommentedSettings.commentedText(line);
            if (start < 0) {
                continue;
            }
            String commented = line.substring(start);
            List<Setting> settings = doc.kind() == FileKind.NPMRC
                    ? CommentedSettings.parse(commented, i + 1)
                    : CommentedSettings.parseYaml(commented, i + 1);
            for (Setting s : settings) {
                if (CredentialKeys.isCredential(doc.kind(), s)
                        && !sink.hasErrorAt(s.line())
                        && ValueClassifier.classify(s.value(), doc.dialect()) == ValueKind.LITERAL
                        && TokenCatalogue.get().whole(s.value().strip()) == null) {
                    String what = Describe.literal(s.value(), CredentialKeys.isBase64(doc.kind(), s))
                            + " in a comment (no client reads it, but it is committed)";
                    sink.report(
                            INFO, s.line(), what, s.key(), Secret.of(s.value().strip()));
                }
            }
        }
    }

    private static boolean mayBeComment(String line) {
        return line.indexOf('#') >= 0 || line.indexOf(';') >= 0;
    }
}
