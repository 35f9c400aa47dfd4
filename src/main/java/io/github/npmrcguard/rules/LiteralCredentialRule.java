package io.github.npmrcguard.rules;

import io.github.npmrcguard.parse.Setting;

/**
 * A literal value in an auth key ({@code _authToken}, {@code _auth}, {@code _password}, yarn's
 * {@code npmAuthToken}/{@code npmAuthIdent}, bun's {@code token}/{@code password}), in any scope, whatever
 * its format or checksum: a random string in an auth key is a credential.
 */
public final class LiteralCredentialRule extends CredentialValueRule {
    public static final RuleInfo INFO = new RuleInfo("literal-credential", Severity.ERROR,
            "Literal credential in an auth key",
            "An auth key holds a literal credential, so everyone who can read the repository can use it. Revoke "
                    + "the token first: removing the line does not remove it from git history. Then replace the "
                    + "value with a placeholder that the client fills from the environment (npm: "
                    + "_authToken=${NPM_TOKEN}; yarn 2+: npmAuthToken: \"${NPM_TOKEN:-}\"; bun: token = "
                    + "\"$NPM_TOKEN\"), keep the token in a CI secret, and run mvn npmrc-guard:fix to rewrite it.", true);

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
            String what = Describe.literal(s.value(), CredentialKeys.isBase64(doc.kind(), s));
            sink.report(INFO, s.line(), what, s.key(), s.value().strip());
        }
    }
}
