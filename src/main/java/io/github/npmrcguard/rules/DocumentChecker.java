package io.github.npmrcguard.rules;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one scan's rules over each of its documents, as {@link RuleCatalogue#check} does, but runs the rules at
 * the head of the list that read only content ({@link Rule#readsContentOnly}) once per distinct content: a
 * repository repeats its config files verbatim (each module's {@code .npmrc}), and for a repeat those rules'
 * findings are the first one's at another path. The first rule that looks at a file's path or folder, and
 * every rule after it, run for every file, on a sink that holds the replayed findings (a rule may ask whether
 * an earlier one reported an error at a line). Used from one thread; it holds the findings it may replay, so
 * it is made per scan.
 */
public final class DocumentChecker {
    private final List<Rule> rules;
    private final RenderedKeys keys;
    /** How many rules, from the first, read only content. */
    private final int contentRules;
    /** What those rules found, by the reader's token for each distinct content. */
    private final Map<Object, List<Finding>> byContent = new IdentityHashMap<>();

    /**
     * @param rules the rules, in the order they run
     * @param keys  the scan's key renderings
     */
    public DocumentChecker(List<Rule> rules, RenderedKeys keys) {
        this.rules = List.copyOf(rules);
        this.keys = keys;
        int n = 0;
        while (n < this.rules.size() && this.rules.get(n).readsContentOnly()) {
            n++;
        }
        this.contentRules = n;
    }

    /**
     * The rules' findings on {@code doc}.
     *
     * @param sameContent a token that is the same object for every document of the same kind and bytes (see
     *                    {@code DocumentReader.Read#sameContent}), or null when none is known: then every rule runs
     */
    public List<Finding> check(ConfigDocument doc, Object sameContent) {
        FindingSink sink = new FindingSink(doc.path(), doc.kind(), keys);
        List<Finding> known = sameContent == null ? null : byContent.get(sameContent);
        int next = 0;
        if (known != null) {
            sink.replay(known);
            next = contentRules;
        }
        for (int i = next; i < rules.size(); i++) {
            rules.get(i).check(doc, sink);
            if (i + 1 == contentRules && sameContent != null) {
                byContent.put(sameContent, sink.findings()); // a copy: what the rules after them add is not in it
            }
        }
        return sink.findings();
    }
}
