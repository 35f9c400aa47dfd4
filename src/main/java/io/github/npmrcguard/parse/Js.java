package io.github.npmrcguard.parse;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The few JavaScript semantics the ported parsers depend on: what {@code String.prototype.trim()} and the
 * regex class {@code \s} strip, and what {@code String(value)} makes of a value that {@code JSON.parse}
 * returned. Java's own {@code trim()}, {@code Character.isWhitespace} and {@code Double.toString} differ
 * from these in ways that change which key a line sets.
 *
 * <p>Values are modelled as {@link String}, {@link Boolean}, {@link Double}, {@link #NULL}, {@link List}
 * and {@link Map}, as {@link JsonParser} produces them.
 */
final class Js {
    /** JavaScript's {@code null}, distinct from "no value". */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private Js() {}

    /**
     * Whether {@code trim()} strips this char and {@code \s} matches it: ECMAScript WhiteSpace (tab, VT, FF,
     * space, U+00A0, U+FEFF, the other Zs characters) and LineTerminator (LF, CR, U+2028, U+2029).
     */
    static boolean isWhitespace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
        if (c < '\u00A0') {
            return false;
        }
        return c == '\u00A0'
                || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200A')
                || c == '\u2028'
                || c == '\u2029'
                || c == '\u202F'
                || c == '\u205F'
                || c == '\u3000'
                || c == '\uFEFF';
    }

    /** Whether the regex {@code .} (without the {@code s} flag) refuses this char. */
    static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    /** {@code String.prototype.trim()}. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    /** Whether every char from {@code from} on is whitespace (true for an empty tail). */
    static boolean isBlankFrom(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code String(value)}: arrays are joined with commas (null inside an array becomes empty, nested arrays
     * are flattened), objects become {@code [object Object]}, numbers use JavaScript's shortest form.
     */
    static String toJsString(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof List) {
            StringBuilder out = new StringBuilder();
            appendArray((List<?>) value, out);
            return out.toString();
        }
        return scalarToString(value);
    }

    private static String scalarToString(Object value) {
        if (value instanceof Double) {
            return numberToString((Double) value);
        }
        if (value instanceof Map) {
            return "[object Object]";
        }
        return String.valueOf(value); // Boolean, NULL
    }

    /** Array.prototype.join(","), iterative so that deeply nested JSON cannot overflow the stack. */
    private static void appendArray(List<?> array, StringBuilder out) {
        Deque<Iterator<?>> stack = new ArrayDeque<>();
        Deque<Boolean> firstAtLevel = new ArrayDeque<>();
        stack.push(array.iterator());
        firstAtLevel.push(Boolean.TRUE);
        while (!stack.isEmpty()) {
            Iterator<?> it = stack.peek();
            if (!it.hasNext()) {
                stack.pop();
                firstAtLevel.pop();
                continue;
            }
            Object element = it.next();
            if (!firstAtLevel.peek()) {
                out.append(',');
            }
            firstAtLevel.pop();
            firstAtLevel.push(Boolean.FALSE);
            if (element instanceof List) {
                stack.push(((List<?>) element).iterator());
                firstAtLevel.push(Boolean.TRUE);
            } else if (element != NULL) {
                out.append(element instanceof String ? (String) element : scalarToString(element));
            }
        }
    }

    /** Number::toString(10) from ECMA-262: the shortest digits that round-trip, in JavaScript's layout. */
    static String numberToString(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0"; // also -0
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal exact = new BigDecimal(Math.abs(d));
        BigDecimal shortest = null;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == Math.abs(d)) {
                shortest = candidate;
                break;
            }
        }
        if (shortest == null) {
            shortest = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.digits * 10^n
        StringBuilder out = new StringBuilder(sign);
        if (k <= n && n <= 21) {
            out.append(digits);
            out.append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int exponent = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }
}
