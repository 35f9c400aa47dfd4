package io.github.npmrcguard.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a value is made of words: split into pieces (at separators, camelCase humps and letter/digit
 * changes), each piece of letters must split wholly into words of a small list of the words stand-ins are
 * made of (credential words, registry and CI names, instruction verbs, example words), and each piece of
 * digits must be short or trivial. A random string splits into single letters and odd digit runs and fails
 * at once. In an identifier such as {@code ACME_READ_TOKEN}, a pronounceable piece of no list (a company
 * name) passes beside a credential word.
 */
final class StandInWords {
    /** What made a value words, or that it is not. */
    enum Verdict {
        NOT_WORDS,
        INSTRUCTION,
        VARIABLE,
        WORDS
    }

    private static final Set<String> INSTRUCTION = Set.of(
            "your",
            "yours",
            "my",
            "insert",
            "enter",
            "paste",
            "put",
            "replace",
            "add",
            "fill",
            "set",
            "change",
            "here",
            "goes",
            "generate",
            "obtain",
            "copy",
            "own",
            "changeme",
            "replaceme",
            "todo",
            "fixme",
            "tbd");
    private static final Set<String> CREDENTIAL = Set.of(
            "token",
            "tokens",
            "auth",
            "authtoken",
            "key",
            "apikey",
            "secret",
            "password",
            "passwd",
            "pass",
            "pwd",
            "pat",
            "cred",
            "creds",
            "credential",
            "credentials",
            "npm",
            "registry",
            "access",
            "login",
            "user",
            "username",
            "bearer",
            "basic",
            "identity",
            "ident");
    private static final Set<String> WORDS =
            Set.copyOf(Arrays.asList((String.join(" ", INSTRUCTION) + " " + String.join(" ", CREDENTIAL)
                            + " keys api secrets passwords pats authorization oauth jwt npmrc yarn yarnrc pnpm bun node nodejs"
                            + " registries repo repos repository package packages pkg pkgs feed feeds scope scoped artifactory jfrog"
                            + " nexus verdaccio github gitlab azure devops aws codeartifact google gcp bitbucket sonatype artifacts"
                            + " artifact read write readonly only publish deploy deployer install ci cd build builder bot service"
                            + " account admin root guest default local dev prod production staging stage test tests testing demo"
                            + " example examples sample samples fake dummy placeholder value values string text name email mail"
                            + " personal private public internal secure id client app application pipeline job runner action"
                            + " actions workflow docker npmjs js web site frontend backend mvn maven gradle java any but empty must"
                            + " required redacted hidden masked removed omitted unknown none null nil undefined foo bar baz qux quux"
                            + " hello world abc xyz qwerty asdf letmein welcome super top long random some this that is it do the"
                            + " and or not no of for to in on with from at by be real actual valid team org organization company"
                            + " corp acme contoso project env environment var variable variables encoded encode base base64 use"
                            + " generated create get new old temp tmp my mine our ours their goes go via only value secret code"
                            + " pin phrase word words live master main global shared common general generic release releases"
                            + " snapshot snapshots group groups proxy mirror upstream private fontawesome font awesome pro"
                            + " bit cloud platform portal hub store space vault ssm param parameter config configuration setting"
                            + " settings me it up an address url host hostname server domain publisher consumer reader writer owner member members true false yes ok invalid expired"
                            + " revoked rotated secretkey accesstoken authkey clientsecret clientid changeit"
                            + " garbage junk bogus blah nothing whatever something anything nonsense")
                    .split(" ")));
    private static final int MIN_WORD = 2;

    private StandInWords() {}

    /** Whether {@code v} is made of words, and if so of what kind. */
    static Verdict judge(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c)) && " -_.:/+@".indexOf(c) < 0) {
                return Verdict.NOT_WORDS;
            }
        }
        List<String> pieces = pieces(v);
        int wordLetters = 0;
        int longWords = 0;
        int known = 0;
        int pronounceable = 0;
        boolean instruction = false;
        boolean credential = false;
        for (String piece : pieces) {
            if (Character.isDigit(piece.charAt(0))) {
                if (!trivialDigits(piece)) {
                    return Verdict.NOT_WORDS;
                }
                continue;
            }
            String lower = piece.toLowerCase(Locale.ROOT);
            List<String> words = split(lower);
            if (words == null) {
                // In UPPER_SNAKE a short unknown piece is an abbreviation (GH, CI, GCP), as variable names use them.
                if (!pronounceable(lower) && !(lower.length() <= 3 && upperSnake(v))) {
                    return Verdict.NOT_WORDS;
                }
                pronounceable++;
                continue;
            }
            known++;
            for (String w : words) {
                wordLetters += w.length();
                if (w.length() >= 4) {
                    longWords += 2;
                } else if (w.length() == 3) {
                    longWords++;
                }
                instruction |= INSTRUCTION.contains(w);
                credential |= CREDENTIAL.contains(w);
            }
        }
        if (wordLetters < 4 || longWords < 2) {
            return Verdict.NOT_WORDS;
        }
        boolean identifier = identifier(v);
        // An unknown piece passes only in an identifier that also names a credential, and beside known ones.
        if (pronounceable > 0 && !(identifier && credential && pronounceable <= known)) {
            return Verdict.NOT_WORDS;
        }
        if (instruction) {
            return Verdict.INSTRUCTION;
        }
        return identifier ? Verdict.VARIABLE : Verdict.WORDS;
    }

    /** UPPER_SNAKE with at least one underscore: how environment variables are named. */
    private static boolean upperSnake(String v) {
        boolean underscore = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '_') {
                underscore = true;
            } else if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return underscore;
    }

    /** An environment variable's or a program's name: UPPER_SNAKE, snake_case or camelCase. */
    private static boolean identifier(String v) {
        if (!Character.isLetter(v.charAt(0))) {
            return false;
        }
        boolean underscore = false;
        boolean hump = false;
        boolean lower = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '_') {
                underscore = true;
            } else if (Character.isUpperCase(c)) {
                hump |= i > 0 && Character.isLowerCase(v.charAt(i - 1));
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (!Character.isDigit(c)) {
                return false;
            }
        }
        return underscore || hump || !lower;
    }

    /** Pieces: runs between separators, cut at camelCase humps and where letters and digits meet. */
    static List<String> pieces(String v) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= v.length(); i++) {
            char c = i < v.length() ? v.charAt(i) : ' ';
            boolean alnum = Character.isLetterOrDigit(c);
            if (start >= 0 && (!alnum || cut(v, i))) {
                out.add(v.substring(start, i));
                start = -1;
            }
            if (alnum && start < 0) {
                start = i;
            }
        }
        return out;
    }

    private static boolean cut(String v, int i) {
        char a = v.charAt(i - 1);
        char b = v.charAt(i);
        if (Character.isDigit(a) != Character.isDigit(b)) {
            return true;
        }
        if (Character.isLowerCase(a) && Character.isUpperCase(b)) {
            return true;
        }
        // NPMToken: the hump is before the last capital of a run that a lower-case letter follows.
        return Character.isUpperCase(a)
                && Character.isUpperCase(b)
                && i + 1 < v.length()
                && Character.isLowerCase(v.charAt(i + 1));
    }

    /** The words {@code lower} is made of, longest first, or null when it is not made of listed words. */
    private static List<String> split(String lower) {
        int n = lower.length();
        int[] from = new int[n + 1];
        Arrays.fill(from, -1);
        from[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = end - MIN_WORD; start >= 0; start--) {
                if (from[start] >= 0 && WORDS.contains(lower.substring(start, end))) {
                    from[end] = start;
                    break;
                }
            }
        }
        if (from[n] < 0) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            words.add(lower.substring(from[end], end));
        }
        return words;
    }

    /** A name-like piece: letters only, with vowels, no long clusters. */
    private static boolean pronounceable(String lower) {
        if (lower.length() < 3) {
            return false;
        }
        int consonants = 0;
        int vowels = 0;
        boolean anyVowel = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
            if ("aeiouy".indexOf(c) >= 0) {
                anyVowel = true;
                consonants = 0;
                if (++vowels > 2) {
                    return false;
                }
            } else {
                vowels = 0;
                if (++consonants > 3) {
                    return false;
                }
            }
        }
        return anyVowel;
    }

    /** One or two digits, or a run that repeats or counts ({@code 123}, {@code 000}). */
    private static boolean trivialDigits(String digits) {
        return digits.length() <= 2 || StandIns.repeatedOrSequential(digits);
    }
}
