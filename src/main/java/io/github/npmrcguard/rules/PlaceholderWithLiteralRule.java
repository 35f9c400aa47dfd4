package io.github.npmrcguard.rules;

import io.github.npmrcguard.parse.Setting;

/**
 * A placeholder that still carries a literal: {@code ${NPM_TOKEN:-npm_…}} (pnpm and yarn 2+ use the
 * fallback when the variable is unset) or {@code abc${X}} (the literal part is part of the secret).
 */
public final class PlaceholderWithLiteralRule extends CredentialValueRule {
    public static final RuleInfo INFO = new RuleInfo(
            "placeholder-with-literal",
            Severity.ERROR,
            "Placeholder that still carries a literal",
            "The value uses an environment variable but also holds literal text: a fallback such as "
                    + "${NPM_TOKEN:-value} (pnpm and yarn 2+ send the fallback when the variable is unset) or text "
                    + "around the placeholder. That literal is committed. Revoke it if it is a real credential, and "
                    + "keep only the placeholder: ${NPM_TOKEN}.",
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
        if (kind == ValueKind.PLACEHOLDER_WITH_LITERAL) {
            sink.report(
                    INFO,
                    s.line(),
                    "placeholder with a literal part" + readers(doc, s),
                    s.key(),
                    Secret.of(s.value().strip()));
        }
    }
}
