package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import java.util.Set;

/** {@code always-auth} and {@code email}: no effect since npm 7, and npm 11 warns about them on every run. */
public final class DeprecatedKeyRule implements Rule {
    public static final RuleInfo INFO = new RuleInfo(
            "deprecated-key",
            Severity.WARNING,
            "Key npm no longer uses",
            "always-auth has had no effect since npm 7 (npm sends auth to the registry it belongs to) and email is "
                    + "left over from old logins. npm 11 prints a warning for each on every run, which fails "
                    + "pipelines that treat stderr as failure. Remove the line.");

    private static final Set<String> DEPRECATED = Set.of("always-auth", "email");

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
        if (doc.kind() != FileKind.NPMRC) {
            return;
        }
        for (Setting s : doc.settings()) {
            if (DEPRECATED.contains(s.name())) {
                sink.report(INFO, s.line(), "key npm no longer uses", s.key(), Secret.none());
            }
        }
    }
}
