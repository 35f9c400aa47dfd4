package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.secrets.StandIns;

/**
 * A stand-in ({@code changeme}, {@code <YOUR_TOKEN>}, {@code ACME_READ_TOKEN}, {@code @npm.token@}, {@code xxxx})
 * or an empty value in an auth key: one warning that says why it is no credential, never an error.
 */
public final class DummyCredentialRule extends CredentialValueRule {
    public static final RuleInfo INFO = new RuleInfo(
            "dummy-credential",
            Severity.WARNING,
            "Dummy or empty credential",
            "An auth key holds an empty value or a stand-in (a variable name, an instruction, another tool's "
                    + "template, a documentation pair, repeated characters), so the client sends no usable credential. "
                    + "Use a placeholder such as ${NPM_TOKEN} and set the variable in CI, or remove the line.");

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
        if (kind == ValueKind.EMPTY) {
            sink.report(INFO, s.line(), "empty value", s.key(), Secret.none());
        } else if (kind == ValueKind.DUMMY) {
            String why = StandIns.reason(s.value());
            sink.report(
                    INFO,
                    s.line(),
                    why == null ? "dummy value" : "stand-in value (" + why + ")",
                    s.key(),
                    Secret.none());
        }
    }

    /** bun ({@code bunfig.toml}) and yarn 1 ({@code .yarnrc}) send a URL's user info as typed: a stand-in too. */
    @Override
    void checkLines(ConfigDocument doc, FindingSink sink) {
        if (doc.kind() != FileKind.BUNFIG_TOML && doc.kind() != FileKind.YARNRC) {
            return;
        }
        for (Setting s : doc.settings()) {
            if (CredentialsInUrlRule.sentUserInfo(doc, s) == ValueKind.DUMMY) {
                sink.report(
                        INFO,
                        s.line(),
                        "stand-in in a URL's user info, which " + doc.dialect().client() + " sends as typed",
                        s.key(),
                        Secret.none());
            }
        }
    }
}
