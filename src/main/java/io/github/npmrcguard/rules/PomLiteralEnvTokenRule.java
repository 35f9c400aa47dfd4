package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.PomKeys;
import io.github.npmrcguard.parse.Setting;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A literal token in the {@code environmentVariables} of frontend-maven-plugin or exec-maven-plugin, for a
 * variable that hands a registry credential to the package manager ({@link CredentialKeys#isTokenVariable}):
 * written there, or in a {@code <properties>} entry that the entry reads (reported at the property's line).
 */
public final class PomLiteralEnvTokenRule implements Rule {
    public static final RuleInfo INFO = new RuleInfo(
            "pom-literal-env-token",
            Severity.ERROR,
            "Literal token in a plugin's environmentVariables",
            "A frontend-maven-plugin or exec-maven-plugin <environmentVariables> entry that hands a registry "
                    + "credential to the package manager (NPM_TOKEN, NODE_AUTH_TOKEN, YARN_NPM_AUTH_TOKEN, any "
                    + "*_AUTH_TOKEN or *_NPM_TOKEN, npm_config_//host/:_authToken) holds a literal value, written "
                    + "there or in a <properties> entry it reads, so everyone who can read the repository can use "
                    + "it. Revoke the token first: deleting the line does not remove it from git history. Then "
                    + "delete the entry (and the property): the plugin's process inherits the build's environment, "
                    + "so keep the token in a CI secret and let npm read it through "
                    + "//host/:_authToken=${NPM_TOKEN} in .npmrc (mvn npmrc-guard:generate writes that line).",
            true);

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
        for (Setting s : doc.settings()) {
            if (!PomKeys.isEnvironmentVariable(s) || !CredentialKeys.isTokenVariable(s.name())) {
                continue;
            }
            String lower = s.name().toLowerCase(Locale.ROOT);
            boolean base64 = lower.endsWith("_auth") || lower.endsWith("_password") || lower.endsWith("_auth_ident");
            for (PomValues.Literal literal :
                    PomValues.resolve(s.value(), s, s.line(), properties).literals()) {
                String what = PomValues.describe(literal, base64);
                if (literal.where() != s) {
                    what += " for " + SafeText.pomKey(s.key()) + " (line " + s.line() + ")";
                }
                sink.report(INFO, literal.line(), what, literal.where().key(), Secret.of(literal.value()));
            }
        }
    }
}
