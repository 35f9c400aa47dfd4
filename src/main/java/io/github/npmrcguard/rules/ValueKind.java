package io.github.npmrcguard.rules;

/** What a value in a credential key is, as its client will treat it. */
public enum ValueKind {
    /** Nothing, or only whitespace. */
    EMPTY,
    /** A placeholder the client replaces with an environment variable, and nothing else. */
    PLACEHOLDER,
    /** Looks like a placeholder, but the client sends it as typed ({@code $VAR} to npm, say). */
    NOT_EXPANDED,
    /** A placeholder that still carries literal text: a {@code ${VAR:-fallback}} or {@code abc${VAR}}. */
    PLACEHOLDER_WITH_LITERAL,
    /** An obvious stand-in: {@code changeme}, {@code <YOUR_TOKEN>}, {@code xxxx}, {@code true}. */
    DUMMY,
    /** Anything else: a real credential as far as anyone can tell. */
    LITERAL
}
