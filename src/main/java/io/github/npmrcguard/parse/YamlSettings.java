package io.github.npmrcguard.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * The only class that touches snakeyaml-engine, so that the library is loaded only when a YAML file is
 * actually parsed. Composes the node tree (keeping every node's line) and lists its scalar leaves as
 * settings.
 *
 * <p>Both yarns read YAML with js-yaml's failsafe schema (every scalar is a string), which is what this
 * mirrors: scalars are taken as written, no type resolution, {@code <<} is an ordinary key. Aliases are
 * followed (yarn sees the aliased values at the alias's place) within a budget, so that a "billion laughs"
 * file fails instead of expanding without end; a collection that contains itself is not entered again.
 */
final class YamlSettings {
    /** How many collection aliases the composer accepts; the walk budget below is the real bound. */
    private static final int MAX_COLLECTION_ALIASES = 1_000;
    /** Nodes the walk may visit beyond the size of the text (aliases make it visit more nodes than exist). */
    private static final int WALK_BUDGET_SLACK = 100_000;

    private YamlSettings() {}

    /**
     * @param allowDuplicateKeys whether a mapping may repeat a key (berry: yes, last wins; yarn 1: no)
     * @param requireMapping     whether the document must be a mapping (berry refuses anything else; yarn 1
     *                           takes a scalar or list as config that holds no settings)
     * @param naming             scope and name for a key path
     */
    static List<Setting> parse(
            String text,
            boolean allowDuplicateKeys,
            boolean requireMapping,
            Function<List<String>, NpmKeys.ScopeAndName> naming)
            throws ParseException {
        LoadSettings settings = LoadSettings.builder()
                .setAllowDuplicateKeys(allowDuplicateKeys)
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(Integer.MAX_VALUE) // the default 3 MB would refuse large files
                // The reader's default 1 KiB window makes a long scalar cost seconds per megabyte.
                .setBufferSize(Math.max(1024, Math.min(text.length() + 1, 1 << 20)))
                .setSchema(new FailsafeSchema())
                .setUseMarks(true)
                .build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            // The library's message quotes the file: only its line is passed on.
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            throw new ParseException(
                    "not valid YAML", mark.map(m -> m.getLine() + 1).orElse(0));
        } catch (YamlEngineException | IllegalArgumentException e) {
            throw new ParseException("not valid YAML", 0);
        } catch (StackOverflowError e) {
            // The composer recurses per nesting level; js-yaml fails on such files too.
            throw new ParseException("YAML nested too deeply", 0);
        }
        if (root.isEmpty() || isEmptyScalar(root.get())) {
            return List.of(); // an empty document: yarn reads no settings
        }
        if (!(root.get() instanceof MappingNode)) {
            if (requireMapping) {
                throw new ParseException("not a YAML mapping at the top level", lineOf(root.get()));
            }
            return List.of();
        }
        Walk walk = new Walk(naming, allowDuplicateKeys, (long) text.length() + WALK_BUDGET_SLACK);
        try {
            walk.mapping((MappingNode) root.get());
        } catch (StackOverflowError e) {
            throw new ParseException("YAML nested too deeply", 0);
        }
        return walk.settings;
    }

    private static boolean isEmptyScalar(Node node) {
        return node instanceof ScalarNode
                && ((ScalarNode) node).getValue().isEmpty()
                && ((ScalarNode) node).getScalarStyle() == ScalarStyle.PLAIN;
    }

    private static int lineOf(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    private static final class Walk {
        final List<Setting> settings = new ArrayList<>();
        private final Function<List<String>, NpmKeys.ScopeAndName> naming;
        private final List<String> path = new ArrayList<>();
        /** Collections on the current path, to stop at a collection that contains itself. */
        private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

        private final boolean allowDuplicateKeys;
        private long budget;

        Walk(Function<List<String>, NpmKeys.ScopeAndName> naming, boolean allowDuplicateKeys, long budget) {
            this.naming = naming;
            this.allowDuplicateKeys = allowDuplicateKeys;
            this.budget = budget;
        }

        void mapping(MappingNode mapping) throws ParseException {
            if (!open.add(mapping)) {
                return;
            }
            // The composer does not check duplicate keys (snakeyaml does that when constructing objects).
            Set<String> seen = allowDuplicateKeys ? null : new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                spend(tuple.getKeyNode());
                String key = keyText(tuple.getKeyNode());
                if (seen != null && !seen.add(key)) {
                    throw new ParseException("duplicate YAML key", lineOf(tuple.getKeyNode()));
                }
                path.add(key);
                value(tuple.getValueNode(), lineOf(tuple.getKeyNode()));
                path.remove(path.size() - 1);
            }
            open.remove(mapping);
        }

        /** A value under the current path; a scalar's setting stands on {@code line} (its key's line). */
        private void value(Node node, int line) throws ParseException {
            spend(node);
            if (node instanceof ScalarNode) {
                emit((ScalarNode) node, line);
            } else if (node instanceof MappingNode) {
                mapping((MappingNode) node);
            } else if (node instanceof SequenceNode) {
                if (!open.add(node)) {
                    return;
                }
                for (Node element : ((SequenceNode) node).getValue()) {
                    // A list element stands on its own line.
                    value(element, lineOf(element));
                }
                open.remove(node);
            }
        }

        private void emit(ScalarNode scalar, int line) {
            if (path.isEmpty()) {
                return;
            }
            NpmKeys.ScopeAndName parts = naming.apply(path);
            boolean quoted = scalar.getScalarStyle() == ScalarStyle.SINGLE_QUOTED
                    || scalar.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED;
            settings.add(new Setting(
                    line, String.join(".", path), parts.name(), parts.scope(), scalar.getValue(), "", quoted));
        }

        private void spend(Node node) throws ParseException {
            if (--budget < 0) {
                throw new ParseException("YAML aliases expand to too many nodes", lineOf(node));
            }
        }

        /** js-yaml's key to string: a list key is its items joined with commas, a mapping key an object. */
        private static String keyText(Node key) {
            if (key instanceof ScalarNode) {
                return ((ScalarNode) key).getValue();
            }
            if (key instanceof SequenceNode) {
                List<String> items = new ArrayList<>();
                for (Node item : ((SequenceNode) key).getValue()) {
                    items.add(item instanceof ScalarNode ? ((ScalarNode) item).getValue() : "[object Object]");
                }
                return String.join(",", items);
            }
            return "[object Object]";
        }
    }
}
