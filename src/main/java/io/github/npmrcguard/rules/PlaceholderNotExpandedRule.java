package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import java.util.regex.Matcher;

/**
 * A placeholder its client does not expand, so the client sends the text as typed and the registry answers
 * 401 later: {@code $NPM_TOKEN}, {@code ${{ secrets.X }}}, {@code ${env.X}}, {@code %X%} or {@code {{ x }}} in
 * {@code .npmrc}; an unterminated <code>${NPM_TOKEN</code>; a placeholder in an npm {@code key[]} array; quote
 * characters left around one ({@code "${NPM_TOKEN}" # note}, which is no quoted value for npm's parser); a
 * fallback {@code ${A:-${B}}} in {@code .npmrc}; {@code ${X}} in {@code bunfig.toml}; and any {@code ${X}} in a
 * URL of yarn 1's {@code .yarnrc}, which yarn 1 never expands. Each message names the clients that send it.
 */
public final class PlaceholderNotExpandedRule extends CredentialValueRule {
    public static final RuleInfo INFO = new RuleInfo(
            "placeholder-not-expanded",
            Severity.WARNING,
            "Placeholder the client does not expand",
            "The value looks like a placeholder, but the client that reads this file sends it to the registry as "
                    + "typed, which fails with 401. npm and yarn expand only ${NAME} (npm also ${NAME?}); yarn 2+ "
                    + "also ${NAME:-}; bun's bunfig.toml only \"$NAME\". No client expands a key[] array entry, and "
                    + "yarn 1 expands nothing in .yarnrc.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean readsContentOnly() {
        return true;
    }

    @Override
    void check(ConfigDocument doc, Setting s, ValueKind kind, FindingSink sink) {
        if (kind == ValueKind.NOT_EXPANDED) {
            sink.report(INFO, s.line(), why(doc, s), s.key(), Secret.none());
        }
    }

    /** yarn 1 reads {@code .yarnrc} without expanding anything: a placeholder in a URL's user info is sent. */
    @Override
    void checkLines(ConfigDocument doc, FindingSink sink) {
        if (doc.kind() == FileKind.BUNFIG_TOML) {
            for (Setting s : doc.settings()) {
                if (CredentialsInUrlRule.sentUserInfo(doc, s) == ValueKind.NOT_EXPANDED) {
                    sink.report(
                            INFO,
                            s.line(),
                            "placeholder in a URL's user info, which bun sends as typed",
                            s.key(),
                            Secret.none());
                }
            }
            return;
        }
        if (doc.kind() != FileKind.YARNRC) {
            return;
        }
        for (Setting s : doc.settings()) {
            if (s.value().indexOf('@') < 0 || s.value().indexOf('$') < 0) {
                continue;
            }
            Matcher m = CredentialsInUrlRule.USER_INFO.matcher(s.value());
            while (m.find()) {
                String password = m.group(1).substring(m.group(1).indexOf(':') + 1);
                if (password.indexOf('$') >= 0
                        && ValueClassifier.classify(password, Dialect.YARN1) != ValueKind.PLACEHOLDER_WITH_LITERAL) {
                    sink.report(
                            INFO,
                            s.line(),
                            "placeholder in a URL's user info, which yarn 1 sends as typed (it"
                                    + " expands no variable in .yarnrc)",
                            s.key(),
                            Secret.none());
                    break;
                }
            }
        }
    }

    /** Why the text is sent as typed, and by whom. */
    private static String why(ConfigDocument doc, Setting s) {
        String v = s.value().strip();
        if (s.readBy().equals("bun")) {
            return "placeholder followed by U+2028 or U+2029 and more settings, which bun reads as one value and"
                    + " sends as typed (npm's parser drops the line)";
        }
        if (s.array()) {
            return "placeholder in a key[] array, which npm, pnpm and yarn 1 send as typed (bun ignores arrays)";
        }
        if (v.contains("${") && v.indexOf('}', v.lastIndexOf("${")) < 0) {
            return doc.dialect() == Dialect.YARN_BERRY
                    ? "unterminated ${ placeholder, which yarn refuses"
                    : "unterminated ${ placeholder, which every client sends as typed";
        }
        if (!v.isEmpty() && (isQuote(v.charAt(0)) || isQuote(v.charAt(v.length() - 1)))) {
            return doc.dialect() == Dialect.NPM
                    ? "placeholder with quote characters left in the value, which npm, yarn 1 and bun send with it"
                    : "placeholder with quote characters left in the value, which "
                            + doc.dialect().client() + " sends with it";
        }
        if (doc.dialect() == Dialect.NPM && v.matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-\\$\\{.*")) {
            return "fallback placeholder, which npm and bun send as typed (pnpm expands the inner one, yarn 1 stops)";
        }
        return "placeholder that " + doc.dialect().client() + " does not expand";
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }
}
