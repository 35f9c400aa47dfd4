package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import java.util.List;
import java.util.Map;

/**
 * A literal token that the arguments of frontend-maven-plugin or exec-maven-plugin put on a command line
 * ({@link PomArguments}): {@code --//host/:_authToken=value} and its kin, written there or in a
 * {@code <properties>} entry the argument reads (reported at the property's line).
 */
public final class PomLiteralArgumentTokenRule implements Rule {
    public static final RuleInfo INFO = new RuleInfo(
            "pom-literal-argument-token",
            Severity.ERROR,
            "Literal token in a plugin's arguments",
            "An argument of frontend-maven-plugin or exec-maven-plugin sets an auth key on a command line "
                    + "(--//host/:_authToken=..., _auth, _password, npm config set, yarn's npmAuthToken, or "
                    + "NPM_TOKEN=... before a command) with a literal value, written there or in a <properties> "
                    + "entry it reads. It is committed, and a command line is visible to every process on the build "
                    + "machine. Revoke the token first: deleting the line does not remove it from git history. Then "
                    + "remove the argument, keep the token in a CI secret, and let npm read it from the inherited "
                    + "environment through //host/:_authToken=${NPM_TOKEN} in .npmrc (mvn npmrc-guard:generate "
                    + "writes that line).",
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
        for (PomArguments.Credential c : PomArguments.credentials(doc)) {
            boolean base64 = c.key().endsWith("_auth") || c.key().endsWith("_password");
            for (PomValues.Literal literal :
                    PomValues.resolve(c.value(), c.at(), c.line(), properties).literals()) {
                String what = PomValues.describe(literal, base64) + " for " + SafeText.pomKey(c.key());
                if (literal.where() != c.at()) {
                    what += " of " + SafeText.pomKey(c.at().key()) + " (line " + c.line() + ")";
                }
                sink.report(INFO, literal.line(), what, literal.where().key(), Secret.of(literal.value()));
            }
        }
    }
}
