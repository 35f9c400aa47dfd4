package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.PomKeys;
import io.github.npmrcguard.parse.Setting;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * A token that frontend-maven-plugin or exec-maven-plugin configuration passes by reference
 * ({@code <NPM_TOKEN>${env.NPM_TOKEN}</NPM_TOKEN>}, {@code --//host/:_authToken=${npm.token}}, a URL password
 * {@code ${env.NPM_PASSWORD}}): nothing is committed, but Maven resolves the reference before the plugin runs,
 * so {@code mvn -X} prints the mojo configuration with the real value. Values that carry a literal are the
 * error rules' business, not this one's.
 */
public final class PomTokenInPluginConfigRule implements Rule {
    public static final RuleInfo INFO = new RuleInfo(
            "pom-token-in-plugin-config",
            Severity.WARNING,
            "Token passed through plugin configuration",
            "The configuration of frontend-maven-plugin or exec-maven-plugin passes a token by reference, such as "
                    + "<NPM_TOKEN>${env.NPM_TOKEN}</NPM_TOKEN> in <environmentVariables> or "
                    + "--//host/:_authToken=${env.NPM_TOKEN} in <arguments>. Maven resolves the reference before the "
                    + "plugin runs, so mvn -X prints the mojo configuration with the real token, and an argument also "
                    + "shows in the machine's process list. Inheriting the environment is safer: the plugin's process "
                    + "inherits the build's environment anyway, so remove the entry or argument, set the variable "
                    + "in CI, and let npm read it through //host/:_authToken=${NPM_TOKEN} in .npmrc.");

    static final String INHERIT = "mvn -X prints it resolved; let the process inherit it from the environment instead";

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
        if (doc.kind() != FileKind.POM) {
            return;
        }
        Map<String, List<Setting>> properties = PomValues.properties(doc);
        Set<Integer> lines = new HashSet<>();
        for (PomArguments.Credential c : PomArguments.credentials(doc)) {
            if (PomValues.resolve(c.value(), c.at(), c.line(), properties).onlyByReference() && lines.add(c.line())) {
                sink.report(
                        INFO,
                        c.line(),
                        "token passed by reference for " + SafeText.pomKey(c.key()) + " on a command line: " + INHERIT,
                        c.at().key(),
                        Secret.none());
            }
        }
        for (Setting s : doc.settings()) {
            if (PomKeys.isEnvironmentVariable(s)
                    && CredentialKeys.isTokenVariable(s.name())
                    && PomValues.resolve(s.value(), s, s.line(), properties).onlyByReference()
                    && lines.add(s.line())) {
                sink.report(INFO, s.line(), "token passed by reference: " + INHERIT, s.key(), Secret.none());
            }
            if (PomKeys.isPluginParameter(s)) {
                Matcher m = CredentialsInUrlRule.USER_INFO.matcher(s.value());
                while (m.find()) {
                    String userInfo = m.group(1);
                    int colon = userInfo.indexOf(':');
                    int line = PomValues.lineAt(s, m.start(1));
                    if (colon >= 0
                            && PomValues.resolve(userInfo.substring(colon + 1), s, line, properties)
                                    .onlyByReference()
                            && lines.add(line)) {
                        sink.report(
                                INFO,
                                line,
                                "password passed by reference in a URL: mvn -X prints it resolved; give npm "
                                        + "the credential through .npmrc with a placeholder instead",
                                s.key(),
                                Secret.none());
                    }
                }
            }
        }
    }
}
