package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.secrets.TokenCatalogue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials inside a URL: {@code registry=https://user:secret@host/}, a scope registry, a proxy, yarn's
 * {@code npmRegistryServer}, bun's registry URLs. npm sends {@code user:secret} as Basic auth.
 */
public final class CredentialsInUrlRule implements Rule {
    public static final RuleInfo INFO = new RuleInfo(
            "credentials-in-url",
            Severity.ERROR,
            "Credentials inside a URL",
            "A URL carries a user name and password (or a token) before the host. Revoke that credential, remove "
                    + "it from the URL, and give the client the token through a nerf-darted auth key with a "
                    + "placeholder, such as //host/path/:_authToken=${NPM_TOKEN}.",
            true);

    /** {@code scheme://userinfo@}: group 1 is the user info. */
    public static final Pattern USER_INFO = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://([^/@\\s?#]+)@");

    /**
     * What the password of a URL's user info is where its client sends it as typed, or null when the setting
     * has none: bun's {@code bunfig.toml} (which expands nothing there but a whole {@code $NAME}) and yarn 1's
     * {@code .yarnrc} (which expands nothing, so any placeholder there is {@link ValueKind#NOT_EXPANDED}).
     */
    static ValueKind sentUserInfo(ConfigDocument doc, Setting s) {
        boolean bun = doc.kind() == FileKind.BUNFIG_TOML;
        if (!(bun ? s.key().startsWith("install.") : doc.kind() == FileKind.YARNRC)
                || s.value().indexOf('@') < 0) {
            return null;
        }
        Matcher m = USER_INFO.matcher(s.value());
        if (!m.find()) {
            return null;
        }
        int colon = m.group(1).indexOf(':');
        if (colon < 0) {
            return null;
        }
        String password = m.group(1).substring(colon + 1);
        ValueKind kind = ValueClassifier.classify(password, bun ? Dialect.BUN : Dialect.YARN1);
        return !bun && kind == ValueKind.PLACEHOLDER ? ValueKind.NOT_EXPANDED : kind;
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
        if (doc.kind() == FileKind.POM) {
            return; // PomCredentialsInUrlRule, which follows Maven's property references
        }
        for (Setting s : doc.settings()) {
            if (s.value().indexOf('@') < 0) {
                continue; // no user info without an '@': the common case, decided without the regex
            }
            Matcher m = USER_INFO.matcher(s.value());
            while (m.find()) {
                String userInfo = m.group(1);
                int colon = userInfo.indexOf(':');
                String secret = colon >= 0 ? userInfo.substring(colon + 1) : userInfo;
                ValueKind kind = colon >= 0 ? ValueClassifier.classify(secret, doc.dialect()) : null;
                // bun sends a URL's user info as typed: a literal fallback in it is sent as well.
                boolean isSecret = colon >= 0
                        ? kind == ValueKind.LITERAL
                                || (doc.dialect() == Dialect.BUN && kind == ValueKind.PLACEHOLDER_WITH_LITERAL)
                        : TokenCatalogue.get().whole(secret) != null;
                if (isSecret) {
                    String what = colon >= 0 ? "password in a URL" : "token in a URL";
                    sink.report(INFO, s.line(), what, s.key(), Secret.of(userInfo));
                }
            }
        }
    }
}
