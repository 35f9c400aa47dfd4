package io.github.npmrcguard.rules;

/**
 * The secret a finding is about, in a type of its own: a rule hands it to {@link FindingSink} only through
 * this slot, where it becomes a fingerprint, so it cannot land in a printed slot by position. Nothing outside
 * this package can read it back, and {@link #toString} never shows it.
 */
public final class Secret {
    private static final Secret NONE = new Secret(null);

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** The secret a finding reports; null or empty for none. */
    public static Secret of(String value) {
        return value == null || value.isEmpty() ? NONE : new Secret(value);
    }

    /** No secret: a finding about the file or its form, not about a value. */
    public static Secret none() {
        return NONE;
    }

    /** The value, for the fingerprint only. */
    String value() {
        return value;
    }

    @Override
    public String toString() {
        return value == null ? "no secret" : "a secret (not shown)";
    }
}
