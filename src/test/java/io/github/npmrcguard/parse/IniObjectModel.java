package io.github.npmrcguard.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds, from {@link NpmIniParser#parseLines} output, the object that ini's {@code decode()} returns (the
 * part after the line parsing: sections, arrays, duplicate keys, the dotted-section nesting) and flattens it
 * the way {@code node-oracle.js} does, so that the parser's line-level results can be compared with the real
 * ini. Objects are {@link LinkedHashMap}s, arrays {@link ArrayList}s, as {@link Js} models values.
 *
 * <p>Containers that ini would index with a primitive or an array (a section named like a plain key) are
 * not modelled; the generator never produces them, and this fails loudly if it does.
 */
final class IniObjectModel {
    /** ini threw (a TypeError from nesting a dotted section under a null value). */
    static final String ERROR = "ERROR";

    private IniObjectModel() {}

    /** The flattened decode() result, in the oracle's format, or {@link #ERROR}. */
    static String decodeAndFlatten(List<NpmIniParser.IniLine> lines) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object p = out;
        for (NpmIniParser.IniLine line : lines) {
            if (line instanceof NpmIniParser.Section) {
                NpmIniParser.Section section = (NpmIniParser.Section) line;
                if (section.rawName() instanceof String && section.name().equals("__proto__")) {
                    p = new LinkedHashMap<String, Object>();
                    continue;
                }
                Object existing = out.get(section.name());
                if (!truthy(existing)) {
                    existing = new LinkedHashMap<String, Object>();
                    out.put(section.name(), existing);
                }
                p = existing;
                continue;
            }
            NpmIniParser.Entry entry = (NpmIniParser.Entry) line;
            if (p instanceof List) {
                throw new IllegalStateException("generator produced a section named like an array key");
            }
            if (!(p instanceof Map)) {
                continue; // a primitive: sloppy-mode JavaScript ignores the assignment
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> target = (Map<String, Object>) p;
            String key = entry.key();
            if (entry.bracketed()) {
                if (!target.containsKey(key)) {
                    target.put(key, new ArrayList<>());
                } else if (!(target.get(key) instanceof List)) {
                    List<Object> wrapped = new ArrayList<>();
                    wrapped.add(target.get(key));
                    target.put(key, wrapped);
                }
            }
            if (target.get(key) instanceof List) {
                @SuppressWarnings("unchecked")
                List<Object> array = (List<Object>) target.get(key);
                array.add(entry.jsValue());
            } else {
                target.put(key, entry.jsValue());
            }
        }

        // {a:{y:1},"a.b":{x:2}} --> {a:{y:1,b:{x:2}}}
        List<String> remove = new ArrayList<>();
        for (String k : jsKeyOrder(out)) {
            if (!out.containsKey(k)) {
                continue;
            }
            Object value = out.get(k);
            if (!(value instanceof Map) && value != Js.NULL) {
                continue;
            }
            List<String> parts = splitSections(k);
            Object parent = out;
            String last = parts.remove(parts.size() - 1);
            String unescapedLast = last.replace("\\.", ".");
            for (String part : parts) {
                if (part.equals("__proto__")) {
                    continue;
                }
                Map<String, Object> container = asContainer(parent);
                if (container == null) {
                    return ERROR;
                }
                Object child = container.get(part);
                if (!container.containsKey(part)
                        || !(child instanceof Map || child instanceof List || child == Js.NULL)) {
                    child = new LinkedHashMap<String, Object>();
                    container.put(part, child);
                }
                parent = child;
            }
            if (parent == out && unescapedLast.equals(last)) {
                continue;
            }
            Map<String, Object> container = asContainer(parent);
            if (container == null) {
                return ERROR;
            }
            container.put(unescapedLast, out.get(k));
            remove.add(k);
        }
        for (String k : remove) {
            out.remove(k);
        }

        List<String> entries = new ArrayList<>();
        flatten(out, new ArrayList<>(), entries);
        Collections.sort(entries);
        return String.join("|", entries);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asContainer(Object parent) {
        if (parent == Js.NULL) {
            return null; // TypeError: Cannot read properties of null
        }
        if (parent instanceof List) {
            throw new IllegalStateException("generator produced a dotted section under an array");
        }
        return (Map<String, Object>) parent;
    }

    /** Sorts the oracle's answer the same way, for comparison. */
    static String sorted(String oracleAnswer) {
        if (oracleAnswer.isEmpty() || oracleAnswer.equals(ERROR)) {
            return oracleAnswer;
        }
        List<String> entries = new ArrayList<>(List.of(oracleAnswer.split("\\|", -1)));
        Collections.sort(entries);
        return String.join("|", entries);
    }

    private static void flatten(Map<String, Object> object, List<String> path, List<String> entries) {
        for (String key : jsKeyOrder(object)) {
            Object value = object.get(key);
            List<String> childPath = new ArrayList<>(path);
            childPath.add(NodeOracle.textToHex(key));
            String p = String.join(".", childPath);
            if (value instanceof List) {
                List<?> array = (List<?>) value;
                for (int i = 0; i < array.size(); i++) {
                    entries.add(p + " " + i + " " + kind(array.get(i)) + " "
                            + NodeOracle.textToHex(Js.toJsString(array.get(i))));
                }
            } else if (value instanceof Map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) value;
                flatten(child, childPath, entries);
            } else {
                entries.add(p + " -1 " + kind(value) + " " + NodeOracle.textToHex(Js.toJsString(value)));
            }
        }
    }

    private static String kind(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Double) {
            return "number";
        }
        return value == Js.NULL ? "null" : "object";
    }

    private static boolean truthy(Object value) {
        if (value == null || value == Js.NULL || Boolean.FALSE.equals(value)) {
            return false;
        }
        if (value instanceof String) {
            return !((String) value).isEmpty();
        }
        if (value instanceof Double) {
            double d = (Double) value;
            return d != 0 && !Double.isNaN(d);
        }
        return true;
    }

    /** Object.keys order: array-index keys ascending first, then the rest in insertion order. */
    private static List<String> jsKeyOrder(Map<String, Object> object) {
        List<String> indices = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String key : object.keySet()) {
            (isArrayIndex(key) ? indices : others).add(key);
        }
        indices.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        indices.addAll(others);
        return indices;
    }

    private static boolean isArrayIndex(String key) {
        if (key.isEmpty() || key.length() > 10 || (key.length() > 1 && key.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return false;
            }
        }
        return Long.parseLong(key) < 4294967295L;
    }

    /** ini's splitSections(str, '.'): split at dots not preceded by a backslash. */
    private static List<String> splitSections(String str) {
        List<String> sections = new ArrayList<>();
        int lastMatchIndex = 0;
        int lastSeparatorIndex = 0;
        int nextIndex;
        do {
            nextIndex = str.indexOf('.', lastMatchIndex);
            if (nextIndex != -1) {
                lastMatchIndex = nextIndex + 1;
                if (nextIndex > 0 && str.charAt(nextIndex - 1) == '\\') {
                    continue;
                }
                sections.add(str.substring(lastSeparatorIndex, nextIndex));
                lastSeparatorIndex = nextIndex + 1;
            }
        } while (nextIndex != -1);
        sections.add(str.substring(lastSeparatorIndex));
        return sections;
    }
}
