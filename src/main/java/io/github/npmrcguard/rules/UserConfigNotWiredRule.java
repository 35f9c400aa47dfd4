package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.PomKeys;
import io.github.npmrcguard.parse.Setting;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A module whose pnpm or yarn 1 frontend has its tokens in the user config {@code generate} wrote, while its
 * pom runs the package manager (frontend-maven-plugin, or exec-maven-plugin running one) without pointing
 * {@code NPM_CONFIG_USERCONFIG} at that file: the install then runs without the tokens and fails with a 401
 * or asks the public registry for private packages.
 */
public final class UserConfigNotWiredRule implements Rule {
    private static final String VARIABLE = "NPM_CONFIG_USERCONFIG";
    private static final String PROPERTY = "${npmrcguard.userconfig.file}";
    private static final Pattern EXEC_PACKAGE_MANAGER = Pattern.compile(
            "<executable>\\s*(?:[^<]*[/\\\\])?(?:npm|npx|pnpm|yarn|bun)(?:\\.cmd|\\.exe)?\\s*</executable>");

    public static final RuleInfo INFO = new RuleInfo(
            "userconfig-not-wired",
            Severity.WARNING,
            "pnpm or yarn 1 build that does not read the generated user config",
            "pnpm and yarn 1 take their tokens from the user config mvn npmrc-guard:generate writes under "
                    + "target/npmrc-guard/.npmrc (a placeholder in the project .npmrc breaks them), and read it only "
                    + "when NPM_CONFIG_USERCONFIG points at it. This pom runs the package manager without that, so "
                    + "the install goes without tokens. Add to the plugin's <configuration>: <environmentVariables>"
                    + "<NPM_CONFIG_USERCONFIG>" + PROPERTY + "</NPM_CONFIG_USERCONFIG></environmentVariables> "
                    + "(generate prints the exact place).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ConfigDocument doc, FindingSink sink) {
        if (doc.kind() != FileKind.POM || doc.folder() == ConfigDocument.FolderFacts.UNKNOWN) {
            return; // no folder to look at: a pom from history, say
        }
        int runLine = runLine(doc);
        if (runLine == 0 || doc.folder().userConfigFrontend().isEmpty()) {
            return;
        }
        for (Setting s : doc.settings()) {
            if (PomKeys.isEnvironmentVariable(s) && s.name().equalsIgnoreCase(VARIABLE)) {
                String v = s.value().replace('\\', '/');
                if (v.contains(PROPERTY) || v.endsWith("npmrc-guard/.npmrc")) {
                    return;
                }
                sink.report(
                        INFO,
                        s.line(),
                        doc.folder().userConfigFrontend() + " has its tokens in" + " target/npmrc-guard/.npmrc, but "
                                + VARIABLE + " here points elsewhere; set it to " + PROPERTY,
                        "",
                        Secret.none());
                return;
            }
        }
        sink.report(
                INFO,
                runLine,
                doc.folder().userConfigFrontend() + " has its tokens in target/npmrc-guard/.npmrc,"
                        + " but this build does not set " + VARIABLE + " to it; add <environmentVariables><" + VARIABLE
                        + ">"
                        + PROPERTY + "</" + VARIABLE + "></environmentVariables>",
                "",
                Secret.none());
    }

    /** The line that names frontend-maven-plugin, or an exec-maven-plugin package manager; 0 when none does. */
    private static int runLine(ConfigDocument doc) {
        for (int i = 0; i < doc.lines().size(); i++) {
            String line = doc.lines().get(i);
            if (line.contains("<artifactId>" + PomKeys.FRONTEND + "</artifactId>")
                    || line.toLowerCase(Locale.ROOT).contains("<executable>")
                            && EXEC_PACKAGE_MANAGER.matcher(line).find()) {
                return i + 1;
            }
        }
        return 0;
    }
}
