package io.github.npmrcguard.fix;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.DecodedText;
import io.github.npmrcguard.parse.Lines;
import io.github.npmrcguard.parse.ParseException;
import io.github.npmrcguard.parse.Parsers;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.parse.TextDecoder;
import io.github.npmrcguard.rules.CredentialKeys;
import io.github.npmrcguard.rules.Dialect;
import io.github.npmrcguard.rules.ValueClassifier;
import io.github.npmrcguard.rules.ValueKind;
import io.github.npmrcguard.secrets.Fingerprint;
import io.github.npmrcguard.secrets.TokenCatalogue;
import io.github.npmrcguard.secrets.TokenMatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the literal credentials of one file to placeholders, changing only the characters of each value
 * and keeping every other byte: line endings, spacing, quotes, comments, order, encoding and BOM. After
 * editing it parses the result again and keeps the edit only if the file now reads the same settings with
 * placeholders where the secrets were.
 */
public final class CredentialRewriter {

    /**
     * One rewritten value.
     *
     * @param line        1-based line
     * @param fingerprint the fingerprint of the secret that was there
     * @param placeholder what stands there now, e.g. {@code ${NPM_TOKEN}}, or for a removed line what
     *                    stands in the user config instead
     * @param removed     whether the whole line was removed, its token moving to the user config
     */
    public record Edit(int line, String fingerprint, String placeholder, boolean removed) {
        public Edit(int line, String fingerprint, String placeholder) {
            this(line, fingerprint, placeholder, false);
        }
    }

    /**
     * What a rewrite did.
     *
     * @param content the new bytes, or null when nothing changed
     * @param edits   the values rewritten
     * @param refusal why the file was left alone as a whole (not text we can write back byte for byte, or
     *                the edited file would not parse the same), or null
     */
    public record Result(byte[] content, List<Edit> edits, String refusal) {}

    /** @param dropsLine whether the whole line goes, so that the lines after it move up */
    private record Pending(int start, int end, String replacement, Edit edit, boolean dropsLine) {
        Pending(int start, int end, String replacement, Edit edit) {
            this(start, end, replacement, edit, false);
        }
    }

    private final VariableNames names;

    public CredentialRewriter(VariableNames names) {
        this.names = names;
    }

    /** The placeholder each client expands, for a variable. */
    public static String placeholder(Dialect dialect, String variable) {
        switch (dialect) {
            case YARN_BERRY:
                return "${" + variable + ":-}";
            case BUN:
                return "$" + variable;
            default:
                return "${" + variable + "}";
        }
    }

    /**
     * Replaces every credential whose fingerprint is in {@code fingerprints}: values of credential keys, and
     * recognised tokens inside comment lines.
     */
    public Result rewrite(FileKind kind, byte[] content, Set<String> fingerprints) {
        return rewrite(kind, content, fingerprints, null, Map.of());
    }

    /**
     * For an {@code .npmrc} whose client reads the token from the user config (see
     * {@link io.github.npmrcguard.generate.TokenPlacement}), where a placeholder would break it: a credential
     * whose key is in {@code removeKeys} loses its whole line, and any other credential value is left for the
     * user. With {@code removeKeys} null, this is {@link #rewrite(FileKind, byte[], Set)}.
     */
    public Result rewriteForUserConfig(byte[] content, Set<String> fingerprints, Set<String> removeKeys) {
        return rewriteForUserConfig(content, fingerprints, removeKeys, Map.of());
    }

    /**
     * As {@link #rewriteForUserConfig(byte[], Set, Set)}, and a credential whose key is in {@code markKeys}
     * has its line replaced by the comment given for that key (the line's ending kept), which says where its
     * token is read from now.
     */
    public Result rewriteForUserConfig(
            byte[] content, Set<String> fingerprints, Set<String> removeKeys, Map<String, String> markKeys) {
        return rewrite(
                FileKind.NPMRC,
                content,
                fingerprints,
                java.util.Objects.requireNonNull(removeKeys),
                java.util.Objects.requireNonNull(markKeys));
    }

    private Result rewrite(
            FileKind kind,
            byte[] content,
            Set<String> fingerprints,
            Set<String> removeKeys,
            Map<String, String> markKeys) {
        DecodedText decoded;
        try {
            decoded = new TextDecoder().decode(content);
        } catch (ParseException e) {
            return new Result(null, List.of(), "it is not a text file");
        }
        if (decoded.lossy() || !Arrays.equals(decoded.encode(decoded.text()), content)) {
            return new Result(
                    null,
                    List.of(),
                    "its bytes are not valid " + decoded.encoding() + ", so it cannot be written back unchanged");
        }
        String text = decoded.text();
        List<Setting> before;
        try {
            before = Parsers.forKind(kind).parse(decoded);
        } catch (ParseException e) {
            return new Result(null, List.of(), "it does not parse (line " + e.line() + ")");
        }
        Lines lines = Lines.of(text);
        List<String> raw = Lines.split(text);
        Dialect dialect = Dialect.of(kind);
        List<Pending> pending = new ArrayList<>();
        for (Setting s : before) {
            if (!CredentialKeys.isCredential(kind, s)
                    || !fingerprints.contains(Fingerprint.of(s.value().strip()))) {
                continue;
            }
            ValueKind valueKind = ValueClassifier.classify(s.value(), dialect);
            if (valueKind != ValueKind.LITERAL && valueKind != ValueKind.PLACEHOLDER_WITH_LITERAL) {
                continue;
            }
            ValueSpan span = ValueSpan.locate(kind, raw.get(s.line() - 1), s);
            if (span == null) {
                continue;
            }
            String placeholder = placeholder(dialect, names.variableFor(kind, s, before));
            if (removeKeys != null && !removeKeys.contains(s.key()) && !markKeys.containsKey(s.key())) {
                continue;
            }
            if (removeKeys != null && markKeys.containsKey(s.key())) {
                int start = lines.startOf(s.line());
                pending.add(new Pending(
                        start,
                        start + raw.get(s.line() - 1).length(),
                        markKeys.get(s.key()),
                        new Edit(s.line(), Fingerprint.of(s.value().strip()), placeholder, true)));
                continue;
            }
            if (removeKeys != null) {
                int start = lines.startOf(s.line());
                int end = s.line() < lines.count() ? lines.startOf(s.line() + 1) : text.length();
                pending.add(new Pending(
                        start,
                        end,
                        "",
                        new Edit(s.line(), Fingerprint.of(s.value().strip()), placeholder, true),
                        true));
                continue;
            }
            String replacement = quoted(kind, span.quote(), placeholder);
            int offset = lines.startOf(s.line());
            pending.add(new Pending(
                    offset + span.start(),
                    offset + span.end(),
                    replacement,
                    new Edit(s.line(), Fingerprint.of(s.value().strip()), placeholder)));
        }
        for (int i = 0; i < raw.size(); i++) {
            String line = raw.get(i);
            String trimmed = line.stripLeading();
            if (!(trimmed.startsWith("#") || trimmed.startsWith(";"))) {
                continue;
            }
            for (TokenMatch m : TokenCatalogue.get().find(line)) {
                String fingerprint = Fingerprint.of(m.in(line));
                if (fingerprints.contains(fingerprint)) {
                    String placeholder = placeholder(dialect, "NPM_TOKEN");
                    int offset = lines.startOf(i + 1);
                    pending.add(new Pending(
                            offset + m.start(),
                            offset + m.end(),
                            placeholder,
                            new Edit(i + 1, fingerprint, placeholder)));
                }
            }
        }
        if (pending.isEmpty()) {
            return new Result(null, List.of(), null);
        }
        pending.sort(Comparator.comparingInt(Pending::start).reversed());
        StringBuilder edited = new StringBuilder(text);
        for (Pending p : pending) {
            edited.replace(p.start(), p.end(), p.replacement());
        }
        String after = edited.toString();
        String problem = verify(kind, decoded, before, after, pending);
        if (problem != null) {
            return new Result(null, List.of(), problem);
        }
        List<Edit> edits = pending.stream()
                .map(Pending::edit)
                .sorted(Comparator.comparingInt(Edit::line))
                .toList();
        return new Result(decoded.encode(after), edits, null);
    }

    /** YAML and yarn 1 values that start with $ are safest quoted; npm takes the placeholder bare. */
    private static String quoted(FileKind kind, char quote, String placeholder) {
        if (quote != 0) {
            return quote + placeholder + quote;
        }
        return kind == FileKind.NPMRC ? placeholder : "\"" + placeholder + "\"";
    }

    /**
     * The edited text must parse to the same settings, line for line, except that each edited credential
     * now holds a placeholder; otherwise the edit is refused rather than risk changing what the file means.
     */
    private static String verify(
            FileKind kind, DecodedText decoded, List<Setting> before, String after, List<Pending> pending) {
        List<Setting> now;
        try {
            now = Parsers.forKind(kind).parse(new DecodedText(after, decoded.encoding(), false));
        } catch (ParseException e) {
            return "the rewritten file would not parse";
        }
        List<Integer> removed = new ArrayList<>();
        List<Integer> dropped = new ArrayList<>();
        pending.stream()
                .filter(p -> p.edit().removed())
                .forEach(p -> removed.add(p.edit().line()));
        pending.stream()
                .filter(Pending::dropsLine)
                .forEach(p -> dropped.add(p.edit().line()));
        List<Setting> kept =
                before.stream().filter(s -> !removed.contains(s.line())).toList();
        if (now.size() != kept.size()) {
            return "the rewritten file would not read the same settings";
        }
        Set<Integer> editedLines = new java.util.HashSet<>();
        pending.forEach(p -> editedLines.add(p.edit().line()));
        Dialect dialect = Dialect.of(kind);
        for (int i = 0; i < now.size(); i++) {
            Setting a = kept.get(i);
            Setting b = now.get(i);
            int shift = (int) dropped.stream().filter(line -> line < a.line()).count();
            if (a.line() - shift != b.line() || !a.key().equals(b.key())) {
                return "the rewritten file would not read the same settings";
            }
            boolean secretHere = editedLines.contains(a.line())
                    && CredentialKeys.isCredential(kind, a)
                    && !a.value().equals(b.value());
            if (secretHere) {
                if (ValueClassifier.classify(b.value(), dialect) != ValueKind.PLACEHOLDER) {
                    return "the rewritten value would not be a placeholder its client expands";
                }
            } else if (!a.value().equals(b.value())) {
                return "the rewrite would change another setting";
            }
        }
        return null;
    }
}
