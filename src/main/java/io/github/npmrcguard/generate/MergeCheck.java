package io.github.npmrcguard.generate;

import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.rules.SafeText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Proves a merge by reading the result back with the client's own parser: every key written must now
 * have the value written (the last occurrence wins, as in every client), and every setting the file had
 * before, except those the merge replaced, must still be there with its value. A merge that fails this is
 * never written; the user gets the lines to add by hand instead.
 */
final class MergeCheck {
    private MergeCheck() {}

    /**
     * @param before  the settings before the edit (empty for a new file)
     * @param after   the settings after it
     * @param written key → value the edit meant to set
     * @param touched keys whose earlier settings the edit may have replaced
     * @return null when the merge holds, else what went wrong (no values quoted)
     */
    static String problem(List<Setting> before, List<Setting> after, Map<String, String> written, Set<String> touched) {
        Map<String, String> last = new HashMap<>();
        for (Setting s : after) {
            if (s.section().isEmpty()) {
                last.put(s.key(), s.value());
            }
        }
        for (Map.Entry<String, String> w : written.entrySet()) {
            if (!Objects.equals(last.get(w.getKey()), w.getValue())) {
                return "the merged file would not set " + w.getKey() + " as intended";
            }
        }
        Map<SettingId, Integer> remaining = new HashMap<>();
        for (Setting s : after) {
            remaining.merge(SettingId.of(s), 1, Integer::sum);
        }
        for (Setting s : before) {
            if (touched.contains(s.key())) {
                continue;
            }
            Integer count = remaining.get(SettingId.of(s));
            if (count == null || count == 0) {
                return "the merged file would lose or change its setting " + SafeText.key(s.key()) + " (line "
                        + s.line() + ")";
            }
            remaining.put(SettingId.of(s), count - 1);
        }
        return null;
    }

    /** A setting without its line, which edits may move. */
    private record SettingId(String key, String section, String value) {
        static SettingId of(Setting s) {
            return new SettingId(s.key(), s.section(), s.value());
        }
    }
}
