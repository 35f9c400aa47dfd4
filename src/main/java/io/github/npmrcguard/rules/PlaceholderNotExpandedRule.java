package io.github.npmrcguard.rules;

import io.github.npmrcguard.parse.Setting;

/**
 * A placeholder its client does not expand: {@code $NPM_TOKEN}, {@code ${{ secrets.X }}},
 * {@code ${env.X}}, {@code %X%} or {@code {{ x }}} in {@code .npmrc}; {@code ${X}} in {@code bunfig.toml}.
 * The client sends the text as typed and the registry answers 401 later.
 */
public final class PlaceholderNotExpandedRule extends CredentialValueRule {
    public static final RuleInfo INFO = new RuleInfo("placeholder-not-expanded", Severity.WARNING,
            "Placeholder the client does not expand",
            "The value looks like a placeholder, but the client that reads this file sends it to the registry as "
                    + "typed, which fails with 401. npm and yarn expand only ${NAME} (npm also ${NAME?}); yarn 2+ "
                    + "also ${NAME:-}; bun's bunfig.toml only \"$NAME\".");

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
        if (kind == ValueKind.NOT_EXPANDED) {
            sink.report(INFO, s.line(), "placeholder that " + doc.dialect().client() + " does not expand", s.key(),
                    null);
        }
    }
}
