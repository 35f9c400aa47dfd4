package io.github.npmrcguard.rules;

import io.github.npmrcguard.parse.Setting;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CI preflight: every environment variable that a committed credential placeholder reads must be set,
 * non-empty, and free of whitespace and line breaks, so that a missing CI secret fails the build before
 * the frontend build runs into an opaque 401. It names the variable and the file, never the value.
 */
public final class PreflightVariableRule implements Rule {
    public static final RuleInfo INFO = new RuleInfo(
            "preflight-variable",
            Severity.ERROR,
            "Placeholder variable not usable",
            "A committed config file reads a credential from an environment variable that is unset, empty, or "
                    + "holds whitespace or a line break (a secret pasted with a trailing newline, say). The package "
                    + "manager would then send no credential, or a broken one, and the registry answers 401 or 404 "
                    + "midway through the build. Set the variable in the CI job's secrets. In CI this fails the "
                    + "build (npmrcguard.preflight=auto); outside CI it is a warning; npmrcguard.preflight=off turns "
                    + "it off. An optional placeholder (${VAR?}, yarn's ${VAR:-}, bun's $VAR), which the client "
                    + "drops when unset, and a file the frontend's client never reads are never more than a "
                    + "warning.");

    private static final Pattern BRACED = Pattern.compile("(?<!\\\\)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(\\?|:?-)?\\}");
    private static final Pattern BARE = Pattern.compile("^\\$([A-Za-z_][A-Za-z0-9_]*)$");
    private static final Pattern NESTED_FALLBACK = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-\\$\\{");

    private final Map<String, String> environment;
    private final Severity severity;

    /**
     * @param environment the build's environment variables
     * @param severity    ERROR in CI, WARNING elsewhere
     */
    public PreflightVariableRule(Map<String, String> environment, Severity severity) {
        this.environment = Map.copyOf(environment);
        this.severity = severity;
    }

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
        Set<String> reported = new LinkedHashSet<>();
        for (Setting s : doc.settings()) {
            if (!CredentialKeys.isCredential(doc.kind(), s)
                    || ValueClassifier.classify(s.value(), doc.dialect()) != ValueKind.PLACEHOLDER
                    || NESTED_FALLBACK.matcher(s.value().strip()).lookingAt()) {
                continue; // ${A:-${B}} needs only one of them set: yarn 2+ itself stops when neither is
            }
            for (String[] variable : variables(s.value().strip(), doc.dialect())) {
                String name = variable[0];
                boolean optional = isOptional(variable[1], doc.dialect());
                String problem = problem(environment.get(name), optional);
                if (problem != null && reported.add(name)) {
                    // An optional placeholder says the build may run without the variable, and a file the
                    // frontend's client never reads cannot break its install: neither fails the build.
                    boolean read = verb(doc).equals("reads");
                    sink.report(
                            INFO,
                            optional || !read ? Severity.WARNING : severity,
                            s.line(),
                            name + " " + problem + ", but this file " + verb(doc) + " it",
                            s.key(),
                            Secret.none());
                }
            }
        }
    }

    /**
     * Whether the client drops the credential when the variable is unset, rather than sending a broken one:
     * {@code ${VAR?}}, yarn 2+'s {@code ${VAR:-}} and {@code ${VAR-}}, and bun's {@code $VAR} in bunfig.toml.
     */
    private static boolean isOptional(String modifier, Dialect dialect) {
        if (dialect == Dialect.BUN) {
            return true;
        }
        return "?".equals(modifier) || (dialect == Dialect.YARN_BERRY && modifier != null);
    }

    /** "reads", or "names" for an .npmrc in a yarn 2+ frontend, which never reads it. */
    private static String verb(ConfigDocument doc) {
        return doc.dialect() != Dialect.YARN_BERRY && doc.client().equals("yarn 2+") ? "names" : "reads";
    }

    /** The variables a placeholder reads, each with its modifier ("?", ":-", "-" or null). */
    private static Iterable<String[]> variables(String value, Dialect dialect) {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        if (dialect == Dialect.BUN) {
            Matcher m = BARE.matcher(value);
            if (m.matches()) {
                out.add(new String[] {m.group(1), null});
            }
            return out;
        }
        Matcher m = BRACED.matcher(value);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }

    /** What is wrong with a variable's value, in words that never include the value; null when it is fine. */
    private static String problem(String value, boolean optional) {
        if (value == null) {
            return optional ? null : "is not set";
        }
        if (value.isEmpty()) {
            return optional ? null : "is set but empty";
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 ? "holds a line break" : "holds whitespace";
            }
        }
        return null;
    }
}
