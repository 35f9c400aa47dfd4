package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.secrets.TokenCatalogue;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * User info in a URL that a pom hands to frontend-maven-plugin or exec-maven-plugin: {@code npmRegistryURL}
 * (passed to npm as {@code --registry=}), {@code pnpmRegistryURL}, the download roots, an argument, an
 * environment variable, or a property one of them reads. The password may itself be a property reference
 * ({@code https://ci:${npm.password}@host/}); a literal behind it is reported at the property's line.
 */
public final class PomCredentialsInUrlRule implements Rule {
    public static final RuleInfo INFO = new RuleInfo(
            "pom-credentials-in-url",
            Severity.ERROR,
            "Credentials inside a URL in a pom",
            "A URL in the configuration of frontend-maven-plugin or exec-maven-plugin (npmRegistryURL, "
                    + "pnpmRegistryURL, a download root, an argument, an environment variable) or in a property it "
                    + "reads carries a user name and password (or a token) before the host. frontend-maven-plugin "
                    + "passes npmRegistryURL to npm on the command line as --registry=. Revoke the credential, remove "
                    + "it from the URL, and give npm the token through a nerf-darted auth line with a placeholder in "
                    + ".npmrc, such as //host/path/:_authToken=${NPM_TOKEN}; for a download root, name a <serverId> "
                    + "whose credentials are in settings.xml.",
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
        Set<String> reported = new HashSet<>();
        for (Setting s : doc.settings()) {
            Matcher m = CredentialsInUrlRule.USER_INFO.matcher(s.value());
            while (m.find()) {
                String userInfo = m.group(1);
                int colon = userInfo.indexOf(':');
                int line = PomValues.lineAt(s, m.start(1));
                String secretPart = colon >= 0 ? userInfo.substring(colon + 1) : userInfo;
                for (PomValues.Literal literal :
                        PomValues.resolve(secretPart, s, line, properties).literals()) {
                    if (colon < 0 && TokenCatalogue.get().whole(literal.value()) == null) {
                        continue; // a user name alone
                    }
                    String what = colon >= 0 ? "password" : "token";
                    boolean here = literal.where() == s;
                    what += here ? " in a URL" : " for the URL in " + SafeText.pomKey(s.key()) + " (line " + line + ")";
                    String secret = here ? userInfo : literal.value();
                    if (reported.add(literal.line() + "\0" + secret)) {
                        sink.report(INFO, literal.line(), what, literal.where().key(), Secret.of(secret));
                    }
                }
            }
        }
    }
}
