package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.NerfDart;
import io.github.npmrcguard.parse.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * A scope registry with no auth line, in a file that carries auth for other registries: the scope's
 * packages are then fetched without credentials, which for a private registry fails with 401 or 404.
 */
public final class RegistryWithoutAuthRule implements Rule {
    public static final RuleInfo INFO = new RuleInfo(
            "registry-without-auth",
            Severity.WARNING,
            "Scope registry without an auth line",
            "The file gives credentials to some registries but none to this scope's registry, so its packages "
                    + "are requested anonymously. If the registry is private, add //host/path/:_authToken=${VAR} "
                    + "for it (mvn npmrc-guard:generate writes it).");

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
        List<String> authDarts = new ArrayList<>();
        for (Setting s : doc.settings()) {
            if (AuthWithoutRegistryRule.AUTH_NAMES.contains(s.name())
                    && s.scope().startsWith("//")) {
                authDarts.add(s.scope());
            }
        }
        if (authDarts.isEmpty()) {
            return;
        }
        for (Setting s : doc.settings()) {
            if (!s.name().equals("registry")
                    || !s.scope().startsWith("@")
                    || !s.section().isEmpty()) {
                continue;
            }
            String dart;
            try {
                dart = NerfDart.of(s.value());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!AuthWithoutRegistryRule.anyCovers(authDarts, dart)) {
                sink.report(
                        INFO,
                        s.line(),
                        "registry with no auth line in a file that has auth lines",
                        s.key(),
                        Secret.none());
            }
        }
    }
}
