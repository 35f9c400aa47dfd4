package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.PomKeys;
import io.github.npmrcguard.parse.Setting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows a pom value through Maven's {@code ${...}} references to the {@code <properties>} of the same file,
 * to find where a literal really stands: {@code <NPM_TOKEN>${npm.token}</NPM_TOKEN>} with
 * {@code <npm.token>npm_…</npm.token>} has its literal at the property's line. A reference to anything the file
 * does not define ({@code ${env.NPM_TOKEN}}, a property of a parent pom or of {@code settings.xml}) stays a
 * reference.
 */
final class PomValues {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    /** Deeper chains than this are not followed (Maven itself refuses cycles). */
    private static final int MAX_DEPTH = 16;

    /**
     * A literal that a value carries.
     *
     * @param where the setting it stands in: the value's own, or a property it reads
     * @param line  its 1-based line
     * @param value the literal (trimmed), a secret: never print it
     * @param kind  {@link ValueKind#LITERAL}, or {@link ValueKind#PLACEHOLDER_WITH_LITERAL} for text beside a reference
     */
    record Literal(Setting where, int line, String value, ValueKind kind) {
        @Override
        public String toString() {
            return "Literal[line " + line + ", " + where.key() + "]";
        }
    }

    /**
     * What a value comes to.
     *
     * @param literals  the literals it carries, where they stand
     * @param reference whether some part of it is resolved by Maven from outside the file
     */
    record Resolution(List<Literal> literals, boolean reference) {
        /** Whether the value reaches the plugin only by reference: the case mvn -X prints resolved. */
        boolean onlyByReference() {
            return reference && literals.isEmpty();
        }
    }

    private PomValues() {}

    /** The pom's property settings by property name, each name's definitions in file order. */
    static Map<String, List<Setting>> properties(ConfigDocument doc) {
        Map<String, List<Setting>> out = new LinkedHashMap<>();
        if (doc.kind() == FileKind.POM) {
            for (Setting s : doc.settings()) {
                if (PomKeys.isProperty(s)) {
                    out.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s);
                }
            }
        }
        return out;
    }

    /**
     * Resolves a value that stands in {@code at}, at {@code line}.
     *
     * @param value      the value, or a part of {@code at}'s value (an argument's, a URL's password)
     * @param properties from {@link #properties}
     */
    static Resolution resolve(String value, Setting at, int line, Map<String, List<Setting>> properties) {
        List<Literal> literals = new ArrayList<>();
        boolean[] reference = {false};
        walk(value, at, line, properties, new HashSet<>(), 0, literals, reference);
        return new Resolution(List.copyOf(literals), reference[0]);
    }

    private static void walk(
            String value,
            Setting at,
            int line,
            Map<String, List<Setting>> properties,
            Set<String> visiting,
            int depth,
            List<Literal> literals,
            boolean[] reference) {
        ValueKind kind = ValueClassifier.classify(value, Dialect.MAVEN);
        if (kind == ValueKind.LITERAL || kind == ValueKind.PLACEHOLDER_WITH_LITERAL) {
            literals.add(new Literal(at, line, value.strip(), kind));
        }
        if (kind != ValueKind.PLACEHOLDER && kind != ValueKind.PLACEHOLDER_WITH_LITERAL) {
            return;
        }
        Matcher m = REFERENCE.matcher(value);
        while (m.find()) {
            String name = m.group(1).strip();
            List<Setting> definitions = properties.getOrDefault(name, List.of());
            if (definitions.isEmpty() || depth >= MAX_DEPTH || visiting.contains(name)) {
                reference[0] = true;
                continue;
            }
            visiting.add(name);
            for (Setting p : definitions) {
                walk(p.value(), p, p.line(), properties, visiting, depth + 1, literals, reference);
            }
            visiting.remove(name);
        }
    }

    /** The line of the character at {@code offset} in a setting's (trimmed) value. */
    static int lineAt(Setting s, int offset) {
        int line = s.line();
        String v = s.value();
        for (int i = 0; i < offset && i < v.length(); i++) {
            if (v.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Words for a literal, never its content. */
    static String describe(Literal literal, boolean base64) {
        return literal.kind() == ValueKind.LITERAL
                ? Describe.literal(literal.value(), base64)
                : "literal text beside a reference";
    }
}
