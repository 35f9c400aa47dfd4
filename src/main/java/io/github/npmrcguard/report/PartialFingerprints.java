package io.github.npmrcguard.report;

import io.github.npmrcguard.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF {@code partialFingerprints}: a stable name per result, so that code scanning matches a result between
 * runs: the rule, the path and the secret's fingerprint (or the line), numbered where they repeat.
 */
final class PartialFingerprints {
    private PartialFingerprints() {}

    /** One value per finding, in the same order: the base hash plus its occurrence number. */
    static List<String> of(List<Finding> findings) {
        List<String> base = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            base.add(baseFingerprint(f));
        }
        // Number repeats in line order, so the numbering does not depend on the order findings arrive in.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            order.add(i);
        }
        order.sort(new Comparator<Integer>() {
            @Override
            public int compare(Integer a, Integer b) {
                int byLine =
                        Integer.compare(findings.get(a).line(), findings.get(b).line());
                return byLine != 0 ? byLine : Integer.compare(a, b);
            }
        });
        Map<String, Integer> seen = new HashMap<>();
        String[] result = new String[findings.size()];
        for (int i : order) {
            Integer before = seen.get(base.get(i));
            int n = before == null ? 1 : before + 1;
            seen.put(base.get(i), n);
            result[i] = base.get(i) + ":" + n;
        }
        return List.of(result);
    }

    private static String baseFingerprint(Finding f) {
        String what = f.fingerprint().isEmpty()
                ? "line " + f.line()
                : "secret " + f.fingerprint().toLowerCase();
        byte[] input =
                (f.rule().id() + "\n" + SarifUris.normalized(f.path()) + "\n" + what).getBytes(StandardCharsets.UTF_8);
        // A stable 128-bit name for matching results between runs, nothing secret goes in (the secret's own
        // fingerprint is public). Not SHA-256: a clean build would pay for loading the JDK's security providers
        // just for this.
        return hex16(fnv1a(input, 0xcbf29ce484222325L)) + hex16(fnv1a(input, 0x84222325cbf29ce4L));
    }

    private static String hex16(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(16 - hex.length()) + hex;
    }

    /** 64-bit FNV-1a from {@code basis}, finished with MurmurHash3's mixer so that close inputs differ widely. */
    private static long fnv1a(byte[] input, long basis) {
        long h = basis;
        for (byte b : input) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
