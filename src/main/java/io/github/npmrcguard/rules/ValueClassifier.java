package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.NpmIniParser;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.secrets.StandIns;
import io.github.npmrcguard.secrets.TokenCatalogue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a credential value is a placeholder, a literal, or something in between, by the
 * expansion rules of the client that reads the file (research note sections 2 and 7).
 */
public final class ValueClassifier {
    /** npm's own expression (env-replace.js): {@code ${NAME}} or {@code ${NAME?}}, NAME without $ { } ?. */
    private static final Pattern NPM_EXPR = Pattern.compile("(\\\\*)\\$\\{([^${}?]+)(\\?)?\\}");
    /** yarn 1's expression (env-replace.js): {@code ${anything but a closing brace}}. */
    private static final Pattern YARN1_EXPR = Pattern.compile("(\\\\*)\\$\\{([^}]+)\\}");
    /** Maven's expression: {@code ${anything but a closing brace}}, resolved before a plugin sees the value. */
    private static final Pattern MAVEN_EXPR = Pattern.compile("\\$\\{[^}]+\\}");
    /** yarn berry's expression: {@code ${NAME}}, {@code ${NAME:-fallback}}, {@code ${NAME-fallback}}. */
    private static final Pattern BERRY_EXPR = Pattern.compile("(\\\\*)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?-([^}]*))?\\}");

    private static final Pattern FALLBACK = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*:?-");
    /** The start of a whole-value fallback expression: <code>${NAME:-</code> or <code>${NAME-</code>. */
    private static final Pattern FALLBACK_HEAD = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-");
    /** An unterminated expression: <code>${</code>, the name after it and a {@code ?} (a fallback stays text). */
    private static final Pattern UNTERMINATED = Pattern.compile("\\$\\{[A-Za-z0-9_]*\\??");

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A fallback expression as bun sends it: group 1 is the fallback. */
    private static final Pattern BUN_FALLBACK = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)}");

    private static final Pattern BARE_VAR = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");
    /** Placeholders of other tools that no npm-family client expands. */
    private static final Pattern FOREIGN_PLACEHOLDER = Pattern.compile(
            "\\$\\{\\{.*}}|\\$\\{env\\.[^}]*}|%[A-Za-z_][A-Za-z0-9_]*%|\\{\\{.*}}|\\$\\([A-Za-z_][A-Za-z0-9_]*\\)"
                    + "|\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*");

    private ValueClassifier() {}

    /**
     * Classifies a value that its clients send exactly as typed, expanding nothing: an npm {@code key[]} array
     * entry (npm, pnpm and yarn 1 expand only plain string values). A placeholder there is text sent as typed.
     */
    public static ValueKind classifyAsTyped(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return ValueKind.EMPTY;
        }
        if (hasLiteralFallback(v)) {
            return ValueKind.PLACEHOLDER_WITH_LITERAL; // sent as typed, the fallback with it
        }
        int open = v.lastIndexOf("${");
        if (open >= 0 && v.indexOf('}', open) < 0) {
            Matcher name = UNTERMINATED.matcher(v.substring(open));
            if (name.lookingAt()) {
                String rest = v.substring(0, open) + v.substring(open + name.end());
                return carriesLiteral(rest) ? ValueKind.PLACEHOLDER_WITH_LITERAL : ValueKind.NOT_EXPANDED;
            }
        }
        return classifyUnexpanded(v);
    }

    /** Whether a <code>${NAME:-x}</code> or <code>${NAME-x}</code> in the value has a literal fallback. */
    private static boolean hasLiteralFallback(String v) {
        Matcher m = BUN_FALLBACK.matcher(v);
        while (m.find()) {
            String fallback = m.group(1).strip();
            if (fallback.indexOf('$') < 0 && !fallback.isEmpty()) {
                ValueKind k = classifyUnexpanded(fallback);
                if (k == ValueKind.LITERAL || k == ValueKind.PLACEHOLDER_WITH_LITERAL) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Classifies the value of an {@code .npmrc} line that only bun reads: the text up to a U+2028 or U+2029,
     * then the rest of the line, which bun sends with it. When that rest is only more config text (settings
     * that carry no literal credential, comments), the value's secret is what comes before the separator: a
     * placeholder or stand-in there is text bun sends as typed, never a committed literal. Otherwise the whole
     * value is classified as one.
     */
    public static ValueKind classifyBunLine(String value, Dialect dialect) {
        int sep = firstSeparator(value);
        if (sep < 0 || !isConfigText(value.substring(sep + 1))) {
            return classify(value, dialect);
        }
        String head = value.substring(0, sep).strip();
        // Quotes around it stay in the value (the line does not end with them): sent along, no literal.
        boolean quoted = head.length() >= 2
                && (head.charAt(0) == '"' || head.charAt(0) == '\'')
                && head.charAt(head.length() - 1) == head.charAt(0);
        ValueKind kind = classify(quoted ? head.substring(1, head.length() - 1) : head, dialect);
        switch (kind) {
            case PLACEHOLDER:
            case NOT_EXPANDED:
                return ValueKind.NOT_EXPANDED;
            default:
                return kind;
        }
    }

    private static int firstSeparator(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) == '\u2028' || v.charAt(i) == '\u2029') {
                return i;
            }
        }
        return -1;
    }

    /** Whether text after a separator is only config lines that hold no literal credential and no token. */
    private static boolean isConfigText(String rest) {
        if (!TokenCatalogue.get().find(rest).isEmpty()) {
            return false;
        }
        for (String piece : rest.split("[\u2028\u2029]", -1)) {
            String p = piece.strip();
            if (p.isEmpty() || p.charAt(0) == ';' || p.charAt(0) == '#') {
                continue;
            }
            if (p.indexOf('=') <= 0) {
                return false; // a bare word is no setting anyone would write after a credential
            }
            for (Setting s : new NpmIniParser().parse(p)) {
                if (CredentialKeys.isCredential(FileKind.NPMRC, s)) {
                    ValueKind k = classify(s.value(), Dialect.NPM);
                    if (k == ValueKind.LITERAL || k == ValueKind.PLACEHOLDER_WITH_LITERAL) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Classifies a value of a credential key in a file of the given dialect. */
    public static ValueKind classify(String value, Dialect dialect) {
        String v = value.strip();
        if (v.isEmpty()) {
            return ValueKind.EMPTY;
        }
        switch (dialect) {
            case BUN:
                return classifyBun(v);
            case MAVEN:
                return classifyMaven(v);
            case YARN_BERRY:
                return classifyBraced(v, BERRY_EXPR, true);
            case YARN1:
                return classifyBraced(v, YARN1_EXPR, false);
            case NPM:
            default:
                return classifyBraced(v, NPM_EXPR, false);
        }
    }

    /**
     * npm, yarn 1 and yarn 2+: every expression is replaced; text around it is literal, and so is a non-empty
     * fallback ({@code ${NAME:-x}}: npm and yarn 1 look up a variable of that odd name and send the text as
     * typed, while pnpm and yarn 2+ reading the same file send the fallback).
     */
    private static ValueKind classifyBraced(String v, Pattern expr, boolean berry) {
        ValueKind nested = classifyNestedFallback(v, expr, berry);
        if (nested != null) {
            return nested;
        }
        String core = unquoted(v);
        if (core != v) {
            // quote characters left around it are sent with it: no literal when the rest is a nested fallback
            nested = classifyNestedFallback(core, expr, berry);
            if (nested != null) {
                return nested == ValueKind.PLACEHOLDER_WITH_LITERAL ? nested : ValueKind.NOT_EXPANDED;
            }
        }
        Matcher m = expr.matcher(v);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        boolean any = false;
        boolean allExpand = true;
        while (m.find()) {
            rest.append(v, last, m.start());
            last = m.end();
            any = true;
            String name = m.group(2);
            String fallback = berry ? m.group(4) : fallbackOf(name);
            if (fallback != null && !fallback.isEmpty()) {
                return ValueKind.PLACEHOLDER_WITH_LITERAL;
            }
            boolean escaped = m.group(1).length() % 2 == 1;
            // npm sends ${NAME:-} as typed; yarn 2+ expands it to an empty value.
            boolean expands =
                    berry || (fallback == null && ENV_NAME.matcher(name).matches());
            allExpand &= expands && !escaped;
        }
        rest.append(v, last, v.length());
        int open = rest.indexOf("${");
        if (open >= 0 && rest.indexOf("}", open) < 0) {
            // An unterminated expression: no client expands it, every one sends it as typed (yarn 2+ refuses it).
            Matcher name = UNTERMINATED.matcher(rest.substring(open));
            if (name.lookingAt()) {
                rest.delete(open, open + name.end());
                return carriesLiteral(rest) ? ValueKind.PLACEHOLDER_WITH_LITERAL : ValueKind.NOT_EXPANDED;
            }
        }
        if (!any) {
            return classifyUnexpanded(v);
        }
        if (carriesLiteral(rest)) {
            return ValueKind.PLACEHOLDER_WITH_LITERAL;
        }
        if (hasQuote(rest)) {
            return ValueKind.NOT_EXPANDED; // the quote characters are sent with the expanded value
        }
        return allExpand ? ValueKind.PLACEHOLDER : ValueKind.NOT_EXPANDED;
    }

    /**
     * A whole value <code>${NAME:-fallback}</code> or <code>${NAME-fallback}</code> whose fallback is itself a
     * placeholder (<code>${NPM_TOKEN:-${OTHER_TOKEN}}</code>), or null when the value is not of that form. No literal is
     * committed there: yarn 2+ expands it (an error only when both are unset), pnpm expands the inner
     * expression, and npm and bun send the text as typed. A fallback that carries a literal stays one.
     */
    private static ValueKind classifyNestedFallback(String v, Pattern expr, boolean berry) {
        Matcher head = FALLBACK_HEAD.matcher(v);
        if (!head.lookingAt() || !v.endsWith("}") || !balanced(v, head.end(), v.length() - 1)) {
            return null;
        }
        String fallback = v.substring(head.end(), v.length() - 1);
        if (!fallback.startsWith("${")) {
            return null; // a literal fallback, or an empty one: the expression's own rules decide
        }
        ValueKind inner = classifyBraced(fallback, expr, berry);
        if (inner == ValueKind.PLACEHOLDER_WITH_LITERAL || inner == ValueKind.LITERAL) {
            return ValueKind.PLACEHOLDER_WITH_LITERAL;
        }
        return berry && inner == ValueKind.PLACEHOLDER ? ValueKind.PLACEHOLDER : ValueKind.NOT_EXPANDED;
    }

    /** The value without a quote character at either end (the same instance when it has none). */
    private static String unquoted(String v) {
        int from = !v.isEmpty() && (v.charAt(0) == '"' || v.charAt(0) == '\'') ? 1 : 0;
        int to = v.length() > from && (v.charAt(v.length() - 1) == '"' || v.charAt(v.length() - 1) == '\'')
                ? v.length() - 1
                : v.length();
        return from == 0 && to == v.length() ? v : v.substring(from, to).strip();
    }

    /** Whether the braces between two offsets nest properly (each closing one after its opening one). */
    private static boolean balanced(String v, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static boolean hasQuote(CharSequence rest) {
        for (int i = 0; i < rest.length(); i++) {
            if (rest.charAt(i) == '"' || rest.charAt(i) == '\'') {
                return true;
            }
        }
        return false;
    }

    /**
     * Maven resolves every {@code ${...}} (an environment variable, a property, the model), so each is a
     * reference; text around one is literal. A name Maven cannot resolve stays as typed, but then it is still no
     * committed secret.
     */
    private static ValueKind classifyMaven(String v) {
        if (!MAVEN_EXPR.matcher(v).find()) {
            return classifyUnexpanded(v);
        }
        String rest = MAVEN_EXPR.matcher(v).replaceAll("");
        return carriesLiteral(rest) ? ValueKind.PLACEHOLDER_WITH_LITERAL : ValueKind.PLACEHOLDER;
    }

    /**
     * bun expands a token or password only when the whole value is {@code $NAME}. Anything else is sent as
     * typed, so a literal fallback in <code>${NAME:-literal}</code> is sent too.
     */
    private static ValueKind classifyBun(String v) {
        if (BARE_VAR.matcher(v).matches()) {
            return ValueKind.PLACEHOLDER;
        }
        if (hasLiteralFallback(v)) {
            return ValueKind.PLACEHOLDER_WITH_LITERAL;
        }
        return classifyUnexpanded(v);
    }

    /**
     * Classifies yarn 2+'s {@code npmAuthIdent}, {@code user:password} or base64 of it: the user name before
     * the first colon is no secret (yarn expands a placeholder after it), the password after it is classified
     * as a value. A user name holding a token still counts as a literal.
     */
    public static ValueKind classifyIdent(String value, Dialect dialect) {
        String v = value.strip();
        int colon = v.indexOf(':');
        if (colon <= 0
                || v.startsWith("${")
                || !TokenCatalogue.get().find(v.substring(0, colon)).isEmpty()) {
            return classify(value, dialect);
        }
        String password = v.substring(colon + 1);
        return password.isEmpty() ? classify(value, dialect) : classify(password, dialect);
    }

    /** A value with no expression its client expands: another tool's placeholder, a dummy, or a literal. */
    private static ValueKind classifyUnexpanded(String v) {
        if (FOREIGN_PLACEHOLDER.matcher(v).matches()) {
            return ValueKind.NOT_EXPANDED;
        }
        if (isDummy(v)) {
            // Before the partial match: a shell substitution around $NAME is another tool's template.
            return ValueKind.DUMMY;
        }
        String core = unquoted(v);
        if (core != v && !core.isEmpty() && isDummy(core)) {
            return ValueKind.DUMMY; // a stand-in with quote characters left around it
        }
        if (FOREIGN_PLACEHOLDER.matcher(v).find()) {
            // Some placeholder-ish part plus literal text around it.
            String rest = FOREIGN_PLACEHOLDER.matcher(v).replaceAll("");
            return carriesLiteral(rest) ? ValueKind.PLACEHOLDER_WITH_LITERAL : ValueKind.NOT_EXPANDED;
        }
        return ValueKind.LITERAL;
    }

    /**
     * Whether {@code v} is a stand-in rather than a credential ({@link StandIns}), and holds no token that
     * the search recognises.
     */
    public static boolean isDummy(String v) {
        return StandIns.reason(v) != null && TokenCatalogue.get().find(v).isEmpty();
    }

    /** The fallback text of a {@code NAME:-x} or {@code NAME-x} expression name, or null when it has none. */
    private static String fallbackOf(String name) {
        Matcher m = FALLBACK.matcher(name);
        return m.find() ? name.substring(m.end()) : null;
    }

    /** Text beside a placeholder counts as a literal when it holds three or more letters or digits. */
    private static boolean carriesLiteral(CharSequence rest) {
        int alnum = 0;
        for (int i = 0; i < rest.length(); i++) {
            if (Character.isLetterOrDigit(rest.charAt(i)) && ++alnum >= 3) {
                return true;
            }
        }
        return false;
    }
}
