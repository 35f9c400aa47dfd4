package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import java.util.regex.Pattern;

/**
 * {@code ${VAR?}} in an {@code .npmrc} that pnpm or yarn 1 reads (its folder's frontend uses them): npm
 * 11.6+ reads it as "empty when unset", but yarn 1 stops on it and pnpm before 11.28 drops the whole file,
 * registry lines included. For npm alone it is a fine placeholder.
 */
public final class OptionalPlaceholderRule implements Rule {
    public static final RuleInfo INFO = new RuleInfo(
            "optional-placeholder",
            Severity.WARNING,
            "${VAR?} in a file pnpm or yarn 1 reads",
            "The ? modifier exists only in npm 11.6 and later (and bun). yarn 1 fails with 'Failed to replace env "
                    + "in config', and pnpm before 11.28 ignores the whole file, so a private scope then resolves "
                    + "against the public registry. Use ${VAR} unless only npm 11.6+ reads this file.");

    private static final Pattern OPTIONAL = Pattern.compile("(?<!\\\\)\\$\\{[A-Za-z_][A-Za-z0-9_]*\\?}");

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
            // The client last: knowing it means reading the folder's package.json. This rule runs for every file
            // (it reads the folder), so a value without "?}" skips the regular expression.
            if (s.value().contains("?}")
                    && OPTIONAL.matcher(s.value()).find()
                    && (doc.client().equals("pnpm") || doc.client().equals("yarn 1"))) {
                sink.report(
                        INFO,
                        s.line(),
                        "${VAR?} placeholder, which " + doc.client() + " rejects",
                        s.key(),
                        Secret.none());
            }
        }
    }
}
