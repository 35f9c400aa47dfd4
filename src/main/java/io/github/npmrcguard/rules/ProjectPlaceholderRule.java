package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${VAR}} as a credential in a project {@code .npmrc} that a pnpm or yarn 1 frontend reads: the form
 * that breaks these clients (the {@code ${VAR?}} form is {@link OptionalPlaceholderRule}'s). yarn 1 stops
 * every command while VAR is unset; pnpm drops the whole file while VAR is unset, registry lines included,
 * and 10.34.2 and later never expand it from a project file even when set. Their token belongs in the user config, where {@code generate} and
 * {@code fix} put it.
 */
public final class ProjectPlaceholderRule implements Rule {
    public static final RuleInfo INFO = new RuleInfo(
            "project-placeholder",
            Severity.WARNING,
            "${VAR} token in a project .npmrc that pnpm or yarn 1 reads",
            "yarn 1 stops every command, even yarn run, with 'Failed to replace env in config' while the variable "
                    + "is unset; pnpm drops the whole file while it is unset, so a private scope is asked of the default "
                    + "registry, and pnpm 10.34.2 and later ignore an environment-expanded credential in a project "
                    + ".npmrc even when it is set. Keep the registry line in the project file and "
                    + "give the token through the user config: mvn npmrc-guard:fix moves it, and generate writes "
                    + "target/npmrc-guard/.npmrc for NPM_CONFIG_USERCONFIG.");

    private static final Pattern REQUIRED = Pattern.compile("(?<!\\\\)\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ConfigDocument doc, FindingSink sink) {
        if (doc.kind() != FileKind.NPMRC) {
            return;
        }
        for (Setting s : doc.settings()) {
            // The client last: knowing it means reading the folder's package.json.
            if (!s.value().contains("${") || !CredentialKeys.isCredential(doc.kind(), s)) {
                continue;
            }
            Matcher m = REQUIRED.matcher(s.value());
            if (!m.find()) {
                continue;
            }
            String client = doc.client();
            if (client.equals("yarn 1")) {
                sink.report(
                        INFO,
                        s.line(),
                        "${" + m.group(1) + "} placeholder, which stops every yarn 1 command while " + m.group(1)
                                + " is unset; put the token in the user config (mvn npmrc-guard:fix)",
                        s.key(),
                        Secret.none());
            } else if (client.equals("pnpm")) {
                sink.report(
                        INFO,
                        s.line(),
                        "${" + m.group(1) + "} placeholder: pnpm drops this whole file while " + m.group(1)
                                + " is unset, and 10.34.2+ ignores it when set; put the token in the user config (mvn npmrc-guard:fix)",
                        s.key(),
                        Secret.none());
            }
        }
    }
}
