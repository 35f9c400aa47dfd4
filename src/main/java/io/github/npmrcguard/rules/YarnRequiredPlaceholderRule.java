package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code npmAuthToken: "${VAR}"} in a {@code .yarnrc.yml}: yarn 2+ stops every command, even one that never
 * asks a registry, with "Environment variable not found" when VAR is unset (a pull request from a fork, a
 * new contributor). {@code "${VAR:-}"} gives an empty value instead, and no credential is sent.
 */
public final class YarnRequiredPlaceholderRule implements Rule {
    public static final RuleInfo INFO = new RuleInfo(
            "yarn-required-placeholder",
            Severity.WARNING,
            "${VAR} credential in .yarnrc.yml",
            "yarn 2 and later expand ${VAR} in .yarnrc.yml and abort every command, including ones that never "
                    + "touch a registry, with 'Environment variable not found' when VAR is unset: every build "
                    + "without the secret fails. Write \"${VAR:-}\" instead: unset, it is empty and yarn sends no "
                    + "credential.");

    /** ${NAME} with no fallback; ${NAME:-x} and ${NAME-x} are safe. */
    private static final Pattern REQUIRED = Pattern.compile("(?<!\\\\)\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

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
        if (doc.kind() != FileKind.YARNRC_YML) {
            return;
        }
        for (Setting s : doc.settings()) {
            if (!s.value().contains("${") || !CredentialKeys.isCredential(doc.kind(), s)) {
                continue;
            }
            Matcher m = REQUIRED.matcher(s.value());
            if (m.find()) {
                sink.report(
                        INFO,
                        s.line(),
                        "${" + m.group(1) + "} placeholder, which stops every yarn command when " + m.group(1)
                                + " is unset: write \"${" + m.group(1) + ":-}\"",
                        s.key(),
                        Secret.none());
            }
        }
    }
}
