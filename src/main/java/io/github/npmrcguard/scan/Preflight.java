package io.github.npmrcguard.scan;

import io.github.npmrcguard.rules.PreflightVariableRule;
import io.github.npmrcguard.rules.Rule;
import io.github.npmrcguard.rules.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether the CI preflight runs and at what level, from the {@code npmrcguard.preflight} mode and
 * the environment: {@code auto} (default) fails in CI and warns elsewhere, {@code always} fails everywhere,
 * {@code off} skips it.
 */
public final class Preflight {
    /** Variables that CI systems set: GitHub Actions, GitLab and most others set CI; Jenkins and Azure do not. */
    private static final List<String> CI_MARKERS =
            List.of("CI", "JENKINS_URL", "TF_BUILD", "GITLAB_CI", "GITHUB_ACTIONS", "BUILDKITE", "TEAMCITY_VERSION");

    private Preflight() {}

    /** Whether this environment is a CI build. */
    public static boolean isCi(Map<String, String> env) {
        for (String marker : CI_MARKERS) {
            String v = env.get(marker);
            if (v != null && !v.isBlank() && !v.equalsIgnoreCase("false") && !v.equals("0")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The preflight rule for this mode and environment, or none.
     *
     * @throws IllegalArgumentException for a mode other than auto, always and off
     */
    public static List<Rule> rules(String mode, Map<String, String> env) {
        if (normalized(mode).equals("off")) {
            return List.of();
        }
        return List.of(new PreflightVariableRule(env, fails(mode, env) ? Severity.ERROR : Severity.WARNING));
    }

    /**
     * Whether an unusable variable fails the build in this mode and environment.
     *
     * @throws IllegalArgumentException for a mode other than auto, always and off
     */
    public static boolean fails(String mode, Map<String, String> env) {
        switch (normalized(mode)) {
            case "off":
                return false;
            case "always":
                return true;
            case "auto":
                return isCi(env);
            default:
                throw new IllegalArgumentException("npmrcguard.preflight must be auto, always or off");
        }
    }

    private static String normalized(String mode) {
        String m = mode == null ? "" : mode.strip().toLowerCase(Locale.ROOT);
        return m.isEmpty() ? "auto" : m;
    }
}
