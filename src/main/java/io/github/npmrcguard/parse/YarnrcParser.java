package io.github.npmrcguard.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * yarn 1's {@code .yarnrc}, read as yarn 1.22 reads it: with its lockfile parser ({@code src/lockfile/parse.js}
 * as built into yarn 1.22.22's {@code lib/cli.js}), and when that fails, as YAML (js-yaml's failsafe schema).
 * One algorithm, kept in one class: the port of yarn's tokenizer and parser, which share their state.
 *
 * <p>The lockfile syntax: {@code key value}, {@code key: value}, {@code "quoted key" "value"} (JSON-decoded),
 * {@code a, b value} (several keys), {@code key:} followed by lines indented two spaces deeper (nesting),
 * {@code # comments} up to the next LF. Unquoted strings start with a letter, {@code /}, {@code .} or
 * {@code -} and end at a space, {@code :}, {@code ,} or line break, so a {@code //host/:_authToken} key or a
 * URL value must be quoted (an unquoted URL makes the line YAML, where it is one string and no setting); a
 * {@code true}/{@code false} prefix or a digit run is a boolean or number. Like yarn it stops silently at a
 * line indented deeper than the current level (an indented comment too), ends a nested block at two blank
 * lines in a row (its tokenizer takes LF LF as one break), and reads a file with git merge conflict markers
 * as its two variants (no settings at all when a variant is not valid). Settings that a YAML fallback or a
 * failed parse discards are not returned.
 *
 * <p>Keys of nested settings are joined with dots ({@code env.FOO}); top-level keys get the same scope/name
 * split as npm keys, after dropping a {@code --} flag prefix and its command ({@code --install.registry}
 * → name {@code registry}). Numbers and booleans are given as JavaScript prints them. Lines are those of the
 * file as stored.
 */
public final class YarnrcParser implements ConfigParser {

    /** Creates the parser; it holds no state between calls. */
    public YarnrcParser() {}

    /**
     * {@inheritDoc}
     *
     * @throws ParseException when neither the lockfile syntax nor YAML accepts the file, when a leading
     *                        {@code # yarn lockfile vN} comment names a version above 1, or when a merge
     *                        conflict variant fails other than by a syntax error: yarn 1 then fails too
     */
    @Override
    public List<Setting> parse(String text) throws ParseException {
        // yarn strips one BOM itself (strip-bom).
        String stripped = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        Lines lines = Lines.of(stripped);
        if (stripped.contains("<<<<<<<") && stripped.contains("=======") && stripped.contains(">>>>>>>")) {
            return parseConflicted(stripped, lines);
        }
        Result result = parseWithFallback(stripped, new OffsetMap(null, null), lines);
        if (result.error != null) {
            throw new ParseException(result.error.problem, result.error.line);
        }
        return result.settings;
    }

    /** Parses text in yarn's lockfile syntax only, without the YAML fallback (for legacy {@code .yarnrc.yml}). */
    static List<Setting> parseLockfileSyntax(String text) throws ParseException {
        Lines lines = Lines.of(text);
        Result result = new Parser(text, new OffsetMap(null, null), lines).parseAll();
        if (result.error != null) {
            throw new ParseException(result.error.problem, result.error.line);
        }
        return result.settings;
    }

    // ---- yarn's parse(): lockfile syntax, then YAML ----

    private static Result parseWithFallback(String text, OffsetMap offsets, Lines lines) {
        Parser parser = new Parser(text, offsets, lines);
        // yarn reads the first token outside its try block: an error there is not retried as YAML.
        Failure early = parser.start();
        if (early != null) {
            return Result.failed(early);
        }
        Result lockfile = parser.parseRest();
        if (lockfile.error == null) {
            return lockfile;
        }
        try {
            // yarn 1's js-yaml safeLoad refuses duplicate keys.
            List<Setting> yaml = YamlSettings.parse(text, false, false, YarnrcParser::keyParts);
            return Result.of(remap(yaml, offsets, lines));
        } catch (ParseException e) {
            return lockfile; // yarn rethrows the lockfile parser's error
        }
    }

    /** YAML lines are lines of the (variant) text; give them as lines of the file. */
    private static List<Setting> remap(List<Setting> settings, OffsetMap offsets, Lines fileLines) {
        if (offsets.isIdentity()) {
            return settings;
        }
        List<Setting> out = new ArrayList<>(settings.size());
        for (Setting s : settings) {
            out.add(new Setting(
                    offsets.lineOfVariantLine(s.line(), fileLines),
                    s.key(),
                    s.name(),
                    s.scope(),
                    s.value(),
                    s.section(),
                    s.quoted()));
        }
        return out;
    }

    /**
     * yarn's merge-conflict handling: both variants are parsed and merged; when one of them is not valid
     * (a SyntaxError) yarn uses an empty config; other errors fail yarn.
     */
    private static List<Setting> parseConflicted(String text, Lines lines) throws ParseException {
        List<Setting> merged = new ArrayList<>();
        for (OffsetMap variant : extractConflictVariants(text)) {
            Result result = parseWithFallback(variant.text, variant, lines);
            if (result.error != null) {
                if (result.error.syntaxError) {
                    return List.of();
                }
                throw new ParseException(result.error.problem, result.error.line);
            }
            merged.addAll(result.settings);
        }
        return merged;
    }

    /** yarn's extractConflictVariants(): split at {@code \r?\n}, keep ours and theirs, join with LF. */
    private static List<OffsetMap> extractConflictVariants(String text) {
        List<int[]> pieces = new ArrayList<>(); // [start, end) of each piece in the file
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                pieces.add(new int[] {start, end});
                start = i + 1;
            }
        }
        pieces.add(new int[] {start, text.length()});

        List<List<int[]>> variants = List.of(new ArrayList<>(), new ArrayList<>());
        boolean skip = false;
        int index = 0;
        while (index < pieces.size()) {
            int[] piece = pieces.get(index++);
            if (text.startsWith("<<<<<<<", piece[0]) && piece[1] - piece[0] >= 7) {
                while (index < pieces.size()) {
                    int[] conflictLine = pieces.get(index++);
                    String content = text.substring(conflictLine[0], conflictLine[1]);
                    if (content.equals("=======")) {
                        skip = false;
                        break;
                    } else if (skip || content.startsWith("|||||||")) {
                        skip = true;
                    } else {
                        variants.get(0).add(conflictLine);
                    }
                }
                while (index < pieces.size()) {
                    int[] conflictLine = pieces.get(index++);
                    if (text.substring(conflictLine[0], conflictLine[1]).startsWith(">>>>>>>")) {
                        break;
                    }
                    variants.get(1).add(conflictLine);
                }
            } else {
                variants.get(0).add(piece);
                variants.get(1).add(piece);
            }
        }
        List<OffsetMap> out = new ArrayList<>();
        for (List<int[]> variant : variants) {
            StringBuilder joined = new StringBuilder();
            int[] variantStarts = new int[variant.size()];
            int[] fileStarts = new int[variant.size()];
            for (int i = 0; i < variant.size(); i++) {
                if (i > 0) {
                    joined.append('\n');
                }
                variantStarts[i] = joined.length();
                fileStarts[i] = variant.get(i)[0];
                joined.append(text, variant.get(i)[0], variant.get(i)[1]);
            }
            out.add(new OffsetMap(joined.toString(), new int[][] {variantStarts, fileStarts}));
        }
        return out;
    }

    /**
     * Maps offsets in a merge-conflict variant back to the file. Identity for a file parsed as it is.
     */
    private static final class OffsetMap {
        final String text;
        private final int[] variantStarts;
        private final int[] fileStarts;
        private Lines variantLines;

        OffsetMap(String text, int[][] starts) {
            this.text = text;
            this.variantStarts = starts == null ? null : starts[0];
            this.fileStarts = starts == null ? null : starts[1];
        }

        boolean isIdentity() {
            return variantStarts == null;
        }

        int fileOffset(int variantOffset) {
            if (variantStarts == null) {
                return variantOffset;
            }
            int found = java.util.Arrays.binarySearch(variantStarts, variantOffset);
            int piece = found >= 0 ? found : -found - 2;
            if (piece < 0) {
                return variantOffset;
            }
            return fileStarts[piece] + (variantOffset - variantStarts[piece]);
        }

        /** A 1-based line of the variant text (pieces joined by LF) as a line of the file. */
        int lineOfVariantLine(int variantLine, Lines fileLines) {
            if (variantLines == null) {
                variantLines = Lines.of(text);
            }
            int offset = variantLines.startOf(Math.min(Math.max(variantLine, 1), variantLines.count()));
            return fileLines.lineAt(Math.min(fileOffset(offset), fileLines.length()));
        }
    }

    // ---- naming ----

    /** Top level: npm's scope/name split, after a {@code --[command.]} flag prefix; nested: the parent path. */
    static NpmKeys.ScopeAndName keyParts(List<String> path) {
        if (path.size() > 1) {
            return new NpmKeys.ScopeAndName(
                    String.join(".", path.subList(0, path.size() - 1)), path.get(path.size() - 1));
        }
        String key = path.get(0);
        if (key.startsWith("--")) {
            // yarn turns "--[command.]arg value" into the command-line flag --arg (rc.js buildRcArgs)
            String arg = key.substring(2);
            int dot = arg.indexOf('.');
            if (dot > 0) {
                arg = arg.substring(dot + 1);
            }
            return NpmKeys.split(arg);
        }
        return NpmKeys.split(key);
    }

    // ---- the lockfile parser ----

    /** Why parsing stopped, as yarn would say it (without any file text). */
    private static final class Failure {
        final String problem;
        final int line;
        /** Whether yarn throws a SyntaxError (which its merge-conflict handling tolerates). */
        final boolean syntaxError;

        Failure(String problem, int line, boolean syntaxError) {
            this.problem = problem;
            this.line = line;
            this.syntaxError = syntaxError;
        }
    }

    private static final class Result {
        final List<Setting> settings;
        final Failure error;

        private Result(List<Setting> settings, Failure error) {
            this.settings = settings;
            this.error = error;
        }

        static Result of(List<Setting> settings) {
            return new Result(settings, null);
        }

        static Result failed(Failure error) {
            return new Result(List.of(), error);
        }
    }

    /** Thrown inside the parser to unwind to {@link Parser#parseRest()}. */
    private static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Failure failure;

        Stop(Failure failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    private enum TokenType {
        BOOLEAN,
        STRING,
        EOF,
        COLON,
        NEWLINE,
        COMMENT,
        INDENT,
        INVALID,
        NUMBER,
        COMMA
    }

    private static final class Token {
        final TokenType type;
        final int offset;
        final Object value;
        final boolean quoted;

        Token(TokenType type, int offset, Object value, boolean quoted) {
            this.type = type;
            this.offset = offset;
            this.value = value;
            this.quoted = quoted;
        }

        boolean isValue() {
            return type == TokenType.BOOLEAN || type == TokenType.STRING || type == TokenType.NUMBER;
        }
    }

    /** A leaf found while parsing: its path below the current level, key position and value. */
    private static final class Leaf {
        final List<String> path;
        final int keyOffset;
        final Token value;

        Leaf(List<String> path, int keyOffset, Token value) {
            this.path = path;
            this.keyOffset = keyOffset;
            this.value = value;
        }
    }

    /** The tokenizer (generating tokens on demand, as yarn's generator does) and the recursive parser. */
    private static final class Parser {
        private final String input;
        private final OffsetMap offsets;
        private final Lines lines;
        private int pos;
        private boolean lastNewline;
        private Token token;

        Parser(String input, OffsetMap offsets, Lines lines) {
            this.input = input;
            this.offsets = offsets;
            this.lines = lines;
        }

        Result parseAll() {
            Failure early = start();
            return early != null ? Result.failed(early) : parseRest();
        }

        /** yarn's first {@code parser.next()}. */
        Failure start() {
            try {
                next();
                return null;
            } catch (Stop stop) {
                return stop.failure;
            }
        }

        Result parseRest() {
            try {
                List<Leaf> leaves = parse(0);
                List<Setting> settings = new ArrayList<>(leaves.size());
                for (Leaf leaf : leaves) {
                    settings.add(toSetting(leaf));
                }
                return Result.of(settings);
            } catch (Stop stop) {
                return Result.failed(stop.failure);
            } catch (StackOverflowError e) {
                // yarn's recursive parser fails the same way on absurd nesting (a RangeError).
                return Result.failed(new Failure("nested too deeply", 0, false));
            }
        }

        private Setting toSetting(Leaf leaf) {
            NpmKeys.ScopeAndName parts = keyParts(leaf.path);
            Object value = leaf.value.value;
            String text = value instanceof Double ? Js.numberToString((Double) value) : String.valueOf(value);
            return new Setting(
                    lineOf(leaf.keyOffset),
                    String.join(".", leaf.path),
                    parts.name(),
                    parts.scope(),
                    text,
                    "",
                    leaf.value.quoted);
        }

        private int lineOf(int offset) {
            return lines.lineAt(Math.min(offsets.fileOffset(offset), lines.length()));
        }

        private Stop stop(String problem, int offset, boolean syntaxError) {
            return new Stop(new Failure(problem, lineOf(offset), syntaxError));
        }

        /** yarn's Parser.next(): the next token, skipping comments. */
        private Token next() throws Stop {
            while (true) {
                Token t = tokenise();
                if (t.type == TokenType.COMMENT) {
                    String comment = Js.trim((String) t.value);
                    // onComment(): yarn refuses "yarn lockfile vN" for N above 1.
                    if (comment.startsWith("yarn lockfile v")
                            && comment.length() > 15
                            && isDigits(comment, 15)
                            && !isAtMostOne(comment.substring(15))) {
                        throw stop("lockfile version comment above v1", t.offset, false);
                    }
                    continue;
                }
                token = t;
                return t;
            }
        }

        private Token tokenise() throws Stop {
            int n = input.length();
            if (!lastNewline) {
                // A space that does not follow a line break is skipped without a token.
                while (pos < n && input.charAt(pos) == ' ') {
                    pos++;
                }
            }
            if (pos >= n) {
                return new Token(TokenType.EOF, pos, null, false);
            }
            int start = pos;
            char c = input.charAt(pos);
            Token t;
            int chop;
            if (c == '\n' || c == '\r') {
                // yarn means to take CRLF as one break, but its check also takes LF LF as one.
                chop = pos + 1 < n && input.charAt(pos + 1) == '\n' ? 2 : 1;
                t = new Token(TokenType.NEWLINE, start, null, false);
            } else if (c == '#') {
                int nextNewline = input.indexOf('\n', pos + 1);
                if (nextNewline == -1) {
                    nextNewline = n;
                }
                t = new Token(TokenType.COMMENT, start, input.substring(pos + 1, nextNewline), false);
                chop = nextNewline - pos;
            } else if (c == ' ') {
                // Only right after a line break: other spaces were skipped above. Indentation is in pairs.
                int size = 1;
                while (pos + size < n && input.charAt(pos + size) == ' ') {
                    size++;
                }
                if (size % 2 != 0) {
                    throw stop("invalid number of spaces", start, false); // a TypeError in yarn
                }
                chop = size;
                t = new Token(TokenType.INDENT, start, size / 2, false);
            } else if (c == '"') {
                int i = pos + 1;
                for (; i < n; i++) {
                    if (input.charAt(i) == '"') {
                        boolean escaped = input.charAt(i - 1) == '\\' && !(i - 2 >= pos && input.charAt(i - 2) == '\\');
                        if (!escaped) {
                            i++;
                            break;
                        }
                    }
                }
                chop = i - pos;
                Object parsed = JsonParser.parse(input.substring(pos, i));
                // The text starts with '"', so JSON.parse can only return a string.
                t = parsed instanceof String
                        ? new Token(TokenType.STRING, start, parsed, true)
                        : new Token(TokenType.INVALID, start, null, false);
            } else if (c >= '0' && c <= '9') {
                int i = pos;
                while (i < n && input.charAt(i) >= '0' && input.charAt(i) <= '9') {
                    i++;
                }
                chop = i - pos;
                t = new Token(TokenType.NUMBER, start, Double.parseDouble(input.substring(pos, i)), false);
            } else if (input.startsWith("true", pos)) {
                chop = 4;
                t = new Token(TokenType.BOOLEAN, start, Boolean.TRUE, false);
            } else if (input.startsWith("false", pos)) {
                chop = 5;
                t = new Token(TokenType.BOOLEAN, start, Boolean.FALSE, false);
            } else if (c == ':') {
                chop = 1;
                t = new Token(TokenType.COLON, start, null, false);
            } else if (c == ',') {
                chop = 1;
                t = new Token(TokenType.COMMA, start, null, false);
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '.' || c == '-') {
                int i = pos;
                while (i < n) {
                    char d = input.charAt(i);
                    if (d == ':' || d == ' ' || d == '\n' || d == '\r' || d == ',') {
                        break;
                    }
                    i++;
                }
                chop = i - pos;
                t = new Token(TokenType.STRING, start, input.substring(pos, i), false);
            } else {
                // yarn yields INVALID without consuming; every parser path fails on it.
                return new Token(TokenType.INVALID, start, null, false);
            }
            lastNewline = c == '\n' || (c == '\r' && pos + 1 < n && input.charAt(pos + 1) == '\n');
            pos += chop;
            return t;
        }

        private static boolean isDigits(String s, int from) {
            for (int i = from; i < s.length(); i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        private static boolean isAtMostOne(String digits) {
            int i = 0;
            while (i < digits.length() - 1 && digits.charAt(i) == '0') {
                i++;
            }
            String significant = digits.substring(i);
            return significant.equals("0") || significant.equals("1");
        }

        private Stop unexpected(String problem) {
            return stop(problem, token.offset, true);
        }

        /** yarn's Parser.parse(indent), returning the leaves below this level instead of an object. */
        private List<Leaf> parse(int indent) throws Stop {
            List<Leaf> leaves = new ArrayList<>();
            while (true) {
                Token prop = token;
                if (prop.type == TokenType.NEWLINE) {
                    Token nextToken = next();
                    if (indent == 0) {
                        continue; // at the top level the next token's indentation does not matter
                    }
                    if (nextToken.type != TokenType.INDENT) {
                        break; // no indentation after a newline: back up a level
                    }
                    if ((Integer) nextToken.value == indent) {
                        next();
                    } else {
                        break;
                    }
                } else if (prop.type == TokenType.INDENT) {
                    if ((Integer) prop.value == indent) {
                        next();
                    } else {
                        break;
                    }
                } else if (prop.type == TokenType.EOF) {
                    break;
                } else if (prop.type == TokenType.STRING) {
                    List<Token> keys = new ArrayList<>();
                    keys.add(requireKey(prop));
                    next();
                    while (token.type == TokenType.COMMA) {
                        next();
                        if (token.type != TokenType.STRING) {
                            throw unexpected("expected a string");
                        }
                        keys.add(requireKey(token));
                        next();
                    }
                    boolean wasColon = token.type == TokenType.COLON;
                    if (wasColon) {
                        next();
                    }
                    if (token.isValue()) {
                        for (Token key : keys) {
                            leaves.add(new Leaf(List.of((String) key.value), key.offset, token));
                        }
                        next();
                    } else if (wasColon) {
                        List<Leaf> children = parse(indent + 1);
                        for (Token key : keys) {
                            for (Leaf child : children) {
                                List<String> path = new ArrayList<>(child.path.size() + 1);
                                path.add((String) key.value);
                                path.addAll(child.path);
                                leaves.add(new Leaf(path, child.keyOffset, child.value));
                            }
                        }
                        if (indent != 0 && token.type != TokenType.INDENT) {
                            break;
                        }
                    } else {
                        throw unexpected("invalid value type");
                    }
                } else {
                    throw unexpected("unknown token");
                }
            }
            return leaves;
        }

        private Token requireKey(Token key) throws Stop {
            if (((String) key.value).isEmpty()) {
                // invariant(key, 'Expected a key'): an Error, not a SyntaxError
                throw stop("expected a key", key.offset, false);
            }
            return key;
        }
    }
}
