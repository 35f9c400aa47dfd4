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

    /**
     * Whether what this rule reports depends only on the document's kind and lines and settings (and on the
     * findings of the rules before it), never on its path or its folder. A scan runs a leading run of such
     * rules once per distinct content and replays their findings for each repeat ({@link DocumentChecker}).
     * False unless a rule says so: a rule that looks at where its file is must run for every file.
     */
    default boolean readsContentOnly() {
        return false;
    }
}
