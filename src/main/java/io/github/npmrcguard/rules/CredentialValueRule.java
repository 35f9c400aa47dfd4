package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import java.util.Locale;

/**
 * A rule about the values of credential keys: it sees each credential setting of a file with the kind of
 * value the file's client will make of it, and reports what it is about.
 */
abstract class CredentialValueRule implements Rule {

    @Override
    public final void check(ConfigDocument doc, FindingSink sink) {
        for (Setting s : doc.settings()) {
            if (CredentialKeys.isCredential(doc.kind(), s)) {
                // npm, pnpm and yarn 1 expand variables only in plain string values, never in a key[] array.
                ValueKind kind = s.array()
                        ? ValueClassifier.classifyAsTyped(s.value())
                        : s.readBy().equals("bun")
                                ? ValueClassifier.classifyBunLine(s.value(), doc.dialect())
                                : doc.kind() == FileKind.YARNRC_YML && s.name().equals("npmAuthIdent")
                                        ? ValueClassifier.classifyIdent(s.value(), doc.dialect())
                                        : ValueClassifier.classify(s.value(), doc.dialect());
                check(doc, s, kind, sink);
            }
        }
        checkLines(doc, sink);
    }

    /** Looks at one credential setting whose value is of {@code kind}. */
    abstract void check(ConfigDocument doc, Setting setting, ValueKind kind, FindingSink sink);

    /** Looks at the file's raw lines, after its settings; nothing by default. */
    void checkLines(ConfigDocument doc, FindingSink sink) {}

    /** Whether the stored line holds U+2028 or U+2029 (else bun read it through a lone CR). */
    private static boolean holdsSeparator(ConfigDocument doc, int line) {
        if (line < 1 || line > doc.lines().size()) {
            return true;
        }
        String text = doc.lines().get(line - 1);
        return text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0;
    }

    /**
     * Which client reads the setting, for a message, when not every client of its file does: {@code ""}, or
     * words in parentheses with a leading space.
     */
    static String readers(ConfigDocument doc, Setting s) {
        if (s.readBy().equals("bun")) {
            return !holdsSeparator(doc, s.line())
                    ? " (read by bun, which joins a registry line and the lines after a lone CR into one URL and"
                            + " sends the auth in it)"
                    : " (read by bun, which sends a value holding U+2028 or U+2029: npm's parser drops the line)";
        }
        String scope = s.scope().toLowerCase(Locale.ROOT);
        if (doc.kind() == FileKind.NPMRC && (scope.startsWith("https://") || scope.startsWith("http://"))) {
            // yarn 1 appends the slash to the registry URL before it looks the key up.
            return scope.endsWith("/")
                    ? " (sent by yarn 1 to a registry written as this URL)"
                    : " (no client reads a scheme key without its trailing slash)";
        }
        return "";
    }
}
