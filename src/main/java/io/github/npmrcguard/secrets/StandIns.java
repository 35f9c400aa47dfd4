package io.github.npmrcguard.secrets;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a stand-in from a credential by principle: a credential is random, a stand-in is made of words,
 * of another tool's template syntax, or of characters that repeat or count. In the manner of detect-secrets'
 * heuristic filters (sequential strings, templated secrets, id-like names) and gitleaks' stopwords, but on the
 * whole value: a stand-in must be made wholly of such parts, so a random value never is one, however many
 * letters it happens to share with a word. Each verdict says why, in words that never quote the value.
 */
public final class StandIns {
    public static final String VARIABLE = "looks like a variable name, not a token";
    public static final String INSTRUCTION = "an instruction, not a token";
    public static final String WORDS = "made of example words, not a token";
    public static final String BRACKETS = "a stand-in in brackets, as set-up pages print them";
    public static final String REPEATED = "repeated or sequential characters, not a token";
    public static final String LOW_ENTROPY = "too few distinct characters for a token";
    public static final String UUID = "a nil or example UUID";
    public static final String PREFIX = "a token prefix followed by a stand-in";
    public static final String PAIR = "a documentation pair such as user:password";
    public static final String DECODED_PAIR = "decodes to a documentation pair such as user:password";
    public static final String DECODED = "decodes to a stand-in";
    private static final String TEMPLATE = "a template of another tool: ";

    /** Whole values that are stand-ins though too short for the word rule. */
    private static final Set<String> COMMON = Set.of(
            "none",
            "null",
            "nil",
            "undefined",
            "true",
            "false",
            "todo",
            "tbd",
            "fixme",
            "xxx",
            "foo",
            "bar",
            "baz",
            "test",
            "abc",
            "abc123",
            "n/a",
            "na",
            "tba",
            "-",
            "--",
            "...",
            "***",
            "?",
            "token",
            "key",
            "pass",
            "pwd",
            "secret",
            "password",
            "changeme",
            "changeit");

    private static final Pattern MAVEN_FILTER = Pattern.compile("@@?[A-Za-z_][A-Za-z0-9_.-]*@@?");
    /** {@code $(cmd args)} or a back-quoted command: a command word, then arguments or nothing. */
    private static final Pattern SHELL = Pattern.compile(
            "\\$\\((?:[a-z][a-z0-9_.-]+ [^)]+|[a-z][a-z0-9_.-]{2,})\\)|`(?:[a-z][a-z0-9_.-]+ [^`]+|[a-z][a-z0-9_.-]{2,})`");

    private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_.]*}");
    private static final Pattern JAVASCRIPT = Pattern.compile(
            ".*\\b(?:process\\.env|import\\.meta\\.env)\\b.*|\\$\\{[^}]*\\b(?:env|secrets|vars)\\.[^}]*}");
    private static final Pattern MUSTACHE = Pattern.compile("\\$?\\{\\{.*}}");
    private static final Pattern ERB = Pattern.compile("<%.*%>");
    private static final Pattern HASH_BRACE = Pattern.compile("#\\{.+}#?");
    private static final Pattern DOUBLE_UNDERSCORE = Pattern.compile("__[A-Za-z][A-Za-z0-9_]*__");
    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-FxX]{8}-[0-9a-fA-FxX]{4}-[0-9a-fA-FxX]{4}-[0-9a-fA-FxX]{4}-[0-9a-fA-FxX]{12}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");

    private StandIns() {}

    /** Why {@code value} is a stand-in rather than a credential, or null when it may be a credential. */
    public static String reason(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        String direct = direct(v);
        // npm_TOKEN is a variable name; npm_xxxx is a prefix before x's rather than merely few characters.
        if (direct != null && !direct.equals(REPEATED) && !direct.equals(LOW_ENTROPY)) {
            return direct;
        }
        if (prefixed(v)) {
            return PREFIX;
        }
        if (direct != null) {
            return direct;
        }
        String decoded = Base64Text.decode(v);
        if (decoded != null && !decoded.isBlank()) {
            if (pair(decoded)) {
                return DECODED_PAIR;
            }
            if (direct(decoded) != null || prefixed(decoded)) {
                return DECODED;
            }
        }
        return pair(v) ? PAIR : null;
    }

    /** A token format's prefix followed by a stand-in: {@code npm_xxxx}, {@code ghp_<YOUR_TOKEN>}. */
    private static boolean prefixed(String v) {
        for (TokenFormat f : TokenFormat.values()) {
            for (String p : f.prefixes()) {
                if (v.length() > p.length() && v.startsWith(p) && direct(v.substring(p.length())) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the body of a token-shaped match (the text after its prefix) is a stand-in. */
    static boolean isStandInBody(CharSequence body) {
        return direct(body.toString()) != null;
    }

    /** The verdict on the value itself, without looking past a prefix or into base64. */
    private static String direct(String v) {
        if (v.isEmpty()) {
            return null;
        }
        String template = template(v);
        if (template != null) {
            return TEMPLATE + template;
        }
        char first = v.charAt(0);
        char last = v.charAt(v.length() - 1);
        if (v.length() > 2
                && (first == '<' && last == '>' || first == '[' && last == ']')
                && direct(v.substring(1, v.length() - 1).strip()) != null) {
            return BRACKETS;
        }
        if (v.length() > 2
                && (first == '{' && last == '}'
                        || first == '(' && last == ')'
                        || first == '"' && last == '"'
                        || first == '\'' && last == '\'')) {
            return direct(v.substring(1, v.length() - 1).strip());
        }
        if (v.length() > 2 && last == '=') {
            String unpadded = v.substring(0, v.length() - (v.charAt(v.length() - 2) == '=' ? 2 : 1));
            if (!unpadded.isEmpty() && unpadded.indexOf('=') < 0 && direct(unpadded) != null) {
                return direct(unpadded); // fake==: a stand-in dressed as base64
            }
        }
        if (COMMON.contains(v.toLowerCase(Locale.ROOT))) {
            return WORDS;
        }
        if (UUID_SHAPE.matcher(v).matches()) {
            return exampleUuid(v) ? UUID : null;
        }
        String compact = compact(v);
        if (compact.isEmpty()) {
            return REPEATED; // only separators: ----, ....
        }
        if (compact.length() >= 4 && repeatedOrSequential(compact)) {
            return REPEATED;
        }
        String collapsed = collapse(compact);
        if (collapsed.length() >= 4 && compact.length() >= 2 * collapsed.length() && repeatedOrSequential(collapsed)) {
            return REPEATED; // AAAbbbCCC111222333
        }
        if (compact.length() >= 8 && entropy(compact) < 1.0) {
            return LOW_ENTROPY;
        }
        switch (StandInWords.judge(v)) {
            case INSTRUCTION:
                return INSTRUCTION;
            case VARIABLE:
                return VARIABLE;
            case WORDS:
                return WORDS;
            default:
                return null;
        }
    }

    /** The other tool whose template syntax {@code v} is, or null. */
    private static String template(String v) {
        if (MAVEN_FILTER.matcher(v).matches()) {
            return "Maven filtering";
        }
        if (SHELL.matcher(v).matches()) {
            return "shell command substitution";
        }
        if (JAVASCRIPT.matcher(v).matches()) {
            return "an expression of JavaScript or a CI system";
        }
        if (MUSTACHE.matcher(v).matches()) {
            return "Mustache, Handlebars, Jinja or a CI expression";
        }
        if (ERB.matcher(v).matches()) {
            return "ERB or EJS";
        }
        if (HASH_BRACE.matcher(v).matches() || DOUBLE_UNDERSCORE.matcher(v).matches()) {
            return "token replacement in a pipeline";
        }
        if (SHELL_VARIABLE.matcher(v).matches()) {
            return "a shell variable";
        }
        return null;
    }

    /** A UUID whose groups each repeat or count, or that is nearly all one digit: nil, 1234…, xxxx…. */
    private static boolean exampleUuid(String v) {
        int trivial = 0;
        for (String group : v.split("-")) {
            if (repeatedOrSequential(group.toLowerCase(Locale.ROOT))) {
                trivial++;
            }
        }
        return trivial >= 4 || entropy(compact(v)) < 1.0;
    }

    /** {@code s} with each run of one character cut to one. */
    private static String collapse(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    /** {@code v} in lower case without separators and base64 padding. */
    private static String compact(String v) {
        int end = v.length();
        while (end > 0 && v.charAt(end - 1) == '=') {
            end--;
        }
        StringBuilder s = new StringBuilder(v.length());
        for (int i = 0; i < end; i++) {
            char c = v.charAt(i);
            if ("-_.: /".indexOf(c) < 0) {
                s.append(Character.toLowerCase(c));
            }
        }
        return s.toString();
    }

    /**
     * Whether {@code s} is one short unit three times or more ({@code xxxx}, {@code ababab}) or counts up or
     * down: one run of 3 or more ({@code 123}, {@code 1234567890}), or runs of 4 or more
     * ({@code abcdef123456}).
     */
    static boolean repeatedOrSequential(String s) {
        int n = s.length();
        for (int unit = 1; unit <= 4 && unit * 3 <= n; unit++) {
            boolean periodic = true;
            for (int i = unit; i < n && periodic; i++) {
                periodic = s.charAt(i) == s.charAt(i - unit);
            }
            if (periodic) {
                return true;
            }
        }
        if (n < 3) {
            return false;
        }
        int run = 1;
        int runs = 1;
        int shortest = n;
        int direction = 0;
        for (int i = 1; i < n; i++) {
            int step = step(s.charAt(i - 1), s.charAt(i));
            if (step != 0 && (run == 1 || step == direction)) {
                direction = step;
                run++;
            } else {
                shortest = Math.min(shortest, run);
                runs++;
                run = 1;
                direction = 0;
            }
        }
        shortest = Math.min(shortest, run);
        return runs == 1 ? run >= 3 : shortest >= 4;
    }

    /** +1 when {@code b} follows {@code a} (9 to 0 or a, z to 0 count too), -1 when it precedes it, else 0. */
    private static int step(char a, char b) {
        if (b == a + 1 || a == '9' && (b == '0' || b == 'a') || a == 'z' && b == '0') {
            return 1;
        }
        if (b == a - 1 || a == '0' && b == '9') {
            return -1;
        }
        return 0;
    }

    /** Shannon entropy of {@code s}, in bits per character. */
    static double entropy(String s) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = count / (double) s.length();
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        if (other > 0) {
            double p = other / (double) s.length();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    /** {@code user:password}: a user name, then a password that is a stand-in. */
    private static boolean pair(String text) {
        int colon = text.indexOf(':');
        if (colon < 2
                || text.indexOf(':', colon + 1) >= 0
                || !USER.matcher(text.substring(0, colon)).matches()) {
            return false;
        }
        String password = text.substring(colon + 1).strip();
        return password.length() >= 4 && (direct(password) != null || prefixed(password));
    }
}
