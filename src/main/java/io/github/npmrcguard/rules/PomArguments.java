package io.github.npmrcguard.rules;

import io.github.npmrcguard.parse.PomKeys;
import io.github.npmrcguard.parse.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * The credentials that plugin arguments in a pom set on a command line. Arguments are split into words as
 * frontend-maven-plugin and exec-maven-plugin split them (whitespace outside single or double quotes, the
 * quotes removed); a word that still holds whitespace (a script for {@code sh -c}) is split again. The
 * {@code <argument>}s of one exec-maven-plugin {@code <arguments>} list (consecutive settings) are one command
 * line. A credential is:
 * <ul>
 * <li>{@code --//host/:_authToken=value} (also {@code _auth}, {@code _password}, top-level, without dashes as in
 * {@code npm config set //host/:_authToken=value}, and yarn's {@code npmAuthToken} / {@code npmAuthIdent});</li>
 * <li>such a key followed by its value as the next word ({@code npm config set //host/:_authToken value});</li>
 * <li>{@code NAME=value} for a token variable ({@code NPM_TOKEN=value npm publish},
 * {@code env npm_config_//host/:_authToken=value}).</li>
 * </ul>
 */
final class PomArguments {

    /**
     * One credential on a command line.
     *
     * @param at    the arguments setting its value stands in
     * @param key   the key as written, dashes included (make it safe before printing)
     * @param value its value, quotes removed: a secret or a reference
     * @param line  the 1-based line of the value
     */
    record Credential(Setting at, String key, String value, int line) {
        @Override
        public String toString() {
            return "Credential[line " + line + ", " + key + "]";
        }
    }

    /** One word, the setting it stands in and where it starts in that setting's value. */
    private record Word(String text, Setting at, int offset) {}

    private PomArguments() {}

    /** The credentials in the arguments settings of a pom, in file order. */
    static List<Credential> credentials(ConfigDocument doc) {
        List<Credential> out = new ArrayList<>();
        List<Word> commandLine = new ArrayList<>();
        List<Setting> settings = doc.settings();
        for (int i = 0; i < settings.size(); i++) {
            Setting s = settings.get(i);
            if (!PomKeys.isArguments(s)) {
                continue;
            }
            // Settings are in file order: an <argument> right after another is in the same list.
            boolean sameList = i > 0 && isExecArgument(s) && isExecArgument(settings.get(i - 1));
            if (!sameList) {
                credentials(commandLine, out);
                commandLine.clear();
            }
            for (int[] w : words(s.value())) {
                commandLine.add(new Word(unquoted(s.value(), w), s, w[0]));
            }
        }
        credentials(commandLine, out);
        return out;
    }

    private static boolean isExecArgument(Setting s) {
        return s.scope().equals(PomKeys.EXEC) && s.name().equals("arguments");
    }

    private static void credentials(List<Word> words, List<Credential> out) {
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            String text = w.text();
            int dashes = text.startsWith("--") ? 2 : text.startsWith("-") ? 1 : 0;
            String body = text.substring(dashes);
            int eq = body.indexOf('=');
            if (eq > 0) {
                String key = body.substring(0, eq);
                if (CredentialKeys.isArgumentKey(key) || dashes == 0 && CredentialKeys.isTokenVariable(key)) {
                    out.add(new Credential(
                            w.at(),
                            text.substring(0, dashes + eq),
                            body.substring(eq + 1),
                            PomValues.lineAt(w.at(), w.offset() + dashes + eq + 1)));
                }
            } else if (CredentialKeys.isArgumentKey(body)
                    && i + 1 < words.size()
                    && !words.get(i + 1).text().startsWith("-")) {
                Word next = words.get(++i);
                out.add(new Credential(next.at(), text, next.text(), PomValues.lineAt(next.at(), next.offset())));
            }
        }
    }

    /**
     * The words of {@code s} as {@code {start, end}} ranges, quotes included. A word that is wholly quoted and
     * holds whitespace (a script for {@code sh -c}) is split again inside its quotes.
     */
    private static List<int[]> words(String s) {
        List<int[]> out = new ArrayList<>();
        words(s, 0, s.length(), out, 0);
        return out;
    }

    private static void words(String s, int from, int to, List<int[]> out, int depth) {
        for (int[] w : split(s, from, to)) {
            char first = s.charAt(w[0]);
            boolean wrapped = isQuote(first) && w[1] - w[0] >= 2 && s.indexOf(first, w[0] + 1) == w[1] - 1;
            if (wrapped && depth < 4 && unquoted(s, w).chars().anyMatch(Character::isWhitespace)) {
                words(s, w[0] + 1, w[1] - 1, out, depth + 1);
            } else {
                out.add(w);
            }
        }
    }

    /** Ranges of words in {@code s[from, to)}: whitespace outside quotes separates them. */
    private static List<int[]> split(String s, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int start = -1;
        char quote = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (start >= 0) {
                    out.add(new int[] {start, i});
                    start = -1;
                }
                continue;
            }
            if (start < 0) {
                start = i;
            }
            if (isQuote(c)) {
                quote = c;
            }
        }
        if (start >= 0) {
            out.add(new int[] {start, to});
        }
        return out;
    }

    /** The text of a word range with its quote characters removed. */
    private static String unquoted(String s, int[] range) {
        StringBuilder out = new StringBuilder(range[1] - range[0]);
        char quote = 0;
        for (int i = range[0]; i < range[1]; i++) {
            char c = s.charAt(i);
            if (quote != 0 && c == quote) {
                quote = 0;
            } else if (quote == 0 && isQuote(c)) {
                quote = c;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }
}
