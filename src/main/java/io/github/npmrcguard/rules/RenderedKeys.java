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
        if (kind == FileKind.POM) {
            return pomKeys.computeIfAbsent(rawKey, SafeText::pomKey);
        }
        return keys.computeIfAbsent(rawKey, SafeText::key);
    }
}
