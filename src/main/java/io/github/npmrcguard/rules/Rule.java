package io.github.npmrcguard.rules;

/**
 * One check over one parsed config file. Each rule is a small class with a stable id; it reports through
 * the {@link FindingSink}, which fingerprints any secret it is handed.
 */
public interface Rule {
    /** The rule's id, level, title and help text. */
    RuleInfo info();

    /** Reports what this rule finds in {@code doc}. Rules run in catalogue order on the same sink. */
    void check(ConfigDocument doc, FindingSink sink);
}
