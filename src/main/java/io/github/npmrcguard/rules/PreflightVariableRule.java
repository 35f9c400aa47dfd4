package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
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
                    + "drops when unset, and a file the frontend's package manager never reads are never more "
                    + "than a warning; each line says which package manager reads the file. A .yarnrc is not "
                    + "checked: yarn 1 expands no variable in it.");

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
        return false; // who reads the file comes from its folder
    }

    @Override
    public void check(ConfigDocument doc, FindingSink sink) {
        if (doc.kind() == FileKind.YARNRC) {
            return; // yarn 1 expands no variable in .yarnrc (measured), and no other client reads it
        }
        Set<String> reported = new LinkedHashSet<>();
        Readers readers = null;
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
                    readers = readers == null ? readers(doc) : readers;
                    // An optional placeholder says the build may run without the variable, and a file the
                    // frontend's client never reads cannot break its install: neither fails the build.
                    sink.report(
                            INFO,
                            optional || !readers.read() ? Severity.WARNING : severity,
                            s.line(),
                            name + " " + problem + ", but this file names it",
                            s.key(),
                            Secret.none(),
                            readers.note());
                }
            }
        }
    }

    /** Whether the frontend's client reads the file, and a note saying who does (empty when not known). */
    private record Readers(boolean read, String note) {}

    /**
     * Who reads the file: the package manager of the frontend in its folder, as generate detects it; for an
     * {@code .npmrc} in a folder without one, a frontend in a conventional folder below reads its own instead.
     */
    private static Readers readers(ConfigDocument doc) {
        String client = doc.client();
        if (client.isEmpty()) {
            String below = doc.kind() == FileKind.NPMRC ? doc.folder().frontendBelow() : "";
            if (below.isEmpty()) {
                return new Readers(true, "");
            }
            int slash = doc.path().lastIndexOf('/');
            String dir = slash < 0 ? "" : doc.path().substring(0, slash + 1);
            return new Readers(false, "the frontend in " + dir + below + " does not read this file");
        }
        boolean read = reads(client, doc.kind());
        return new Readers(
                read,
                client + ", this frontend's package manager, " + (read ? "reads" : "does not read") + " this file");
    }

    /**
     * Whether a client reads a file of this kind in its frontend's folder (research note 2.3-2.5): yarn 2+
     * reads only {@code .yarnrc.yml}, bun {@code .npmrc} and {@code bunfig.toml}, npm, pnpm and yarn 1
     * {@code .npmrc}.
     */
    private static boolean reads(String client, FileKind kind) {
        switch (kind) {
            case NPMRC:
                return !client.equals("yarn 2+");
            case YARNRC_YML:
                return client.equals("yarn 2+");
            case BUNFIG_TOML:
                return client.equals("bun");
            default:
                return true;
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
