package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link SafeText}'s rendering of keys, remembered for one scan: the files of a repository repeat the same
 * keys (every module's {@code //host/:_authToken}), and rendering one is the costliest step of a finding.
 * Made per scan and dropped with it, so no raw key outlives the scan that read it.
 */
public final class RenderedKeys {
    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, String> pomKeys = new HashMap<>();

    /** The key as a finding shows it: {@link SafeText#pomKey} in a pom, {@link SafeText#key} elsewhere. */
    public String of(String rawKey, FileKind kind) {
        if (rawKey == null || rawKey.isEmpty()) {
            return "";
        }
        Map<String, String> known = kind == FileKind.POM ? pomKeys : keys;
        String rendered = known.get(rawKey);
        if (rendered == null) {
            rendered = kind == FileKind.POM ? SafeText.pomKey(rawKey) : SafeText.key(rawKey);
            known.put(rawKey, rendered);
        }
        return rendered;
    }
}
