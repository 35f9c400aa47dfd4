package io.github.npmrcguard.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * The scalar settings of a Quarkus (or Spring) {@code application.yaml}, as dotted keys, from every document
 * of the file: {@code ---} profile blocks are valid YAML. Kept apart so that snakeyaml-engine is loaded only
 * when such a file exists.
 */
final class QuinoaYaml {
    /** Nodes the walk visits at most, so that aliases cannot make it run without end. */
    private static final int BUDGET = 100_000;

    private QuinoaYaml() {}

    /** Each scalar leaf as {key, value}, in document order. */
    static List<String[]> settings(String text) throws YamlEngineException {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new FailsafeSchema())
                .setAllowDuplicateKeys(true)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(50)
                .build();
        List<String[]> out = new ArrayList<>();
        int[] budget = {BUDGET};
        for (Object document : new Load(settings).loadAllFromString(text)) {
            walk(document, "", out, budget, 0);
        }
        return out;
    }

    private static void walk(Object node, String path, List<String[]> out, int[] budget, int depth) {
        if (--budget[0] < 0 || depth > 64) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                walk(e.getValue(), path.isEmpty() ? key : path + "." + key, out, budget, depth + 1);
            }
        } else if (node instanceof String value && !path.isEmpty()) {
            out.add(new String[] {path, value});
        }
    }
}
