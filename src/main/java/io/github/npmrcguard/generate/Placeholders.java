package io.github.npmrcguard.generate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholder each client expands, and the variable name inside an existing one (research note 2):
 * npm-family {@code .npmrc} {@code ${VAR}} (never {@code ${VAR?}}: yarn 1 fails on it, and pnpm before
 * 11.28 drops the whole file); yarn 2+ {@code ${VAR:-}} (plain {@code ${VAR}} aborts every yarn command
 * when the variable is unset); bun's {@code bunfig.toml} {@code $VAR} (bun sends {@code ${VAR}} as typed).
 */
final class Placeholders {
    private static final Pattern BRACED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(\\?|:?-[^}]*)?}");
    private static final Pattern BARE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    private Placeholders() {}

    static String npm(String variable) {
        return "${" + variable + "}";
    }

    static String yarnBerry(String variable) {
        return "${" + variable + ":-}";
    }

    static String bun(String variable) {
        return "$" + variable;
    }

    /** The variable of a whole-value placeholder ({@code ${VAR}}, {@code ${VAR?}}, {@code ${VAR:-x}}, {@code $VAR}). */
    static Optional<String> variableOf(String value) {
        String v = value.strip();
        Matcher m = BRACED.matcher(v);
        if (m.matches()) {
            return Optional.of(m.group(1));
        }
        m = BARE.matcher(v);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether the value is {@code ${VAR?}}, which only npm 11.6+, bun and pnpm 11.28+ understand. */
    static boolean isOptionalNpmForm(String value) {
        Matcher m = BRACED.matcher(value.strip());
        return m.matches() && "?".equals(m.group(2));
    }

    /** Whether the value is {@code ${VAR}} with no fallback, which yarn 2+ refuses to run with when VAR is unset. */
    static boolean isBerryWithoutFallback(String value) {
        Matcher m = BRACED.matcher(value.strip());
        return m.matches() && m.group(2) == null;
    }
}
