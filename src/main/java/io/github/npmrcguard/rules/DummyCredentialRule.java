package io.github.npmrcguard.rules;

import io.github.npmrcguard.parse.Setting;

/** An obvious dummy ({@code changeme}, {@code <YOUR_TOKEN>}, {@code xxxx}) or an empty value in an auth key. */
public final class DummyCredentialRule extends CredentialValueRule {
    public static final RuleInfo INFO = new RuleInfo("dummy-credential", Severity.WARNING,
            "Dummy or empty credential",
            "An auth key holds an empty value or an obvious stand-in, so the client sends no usable credential. "
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
            sink.report(INFO, s.line(), "empty value", s.key(), null);
        } else if (kind == ValueKind.DUMMY) {
            sink.report(INFO, s.line(), "dummy value", s.key(), null);
        }
    }
}
