package io.github.npmrcguard.generate;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.NerfDart;
import io.github.npmrcguard.parse.ParseException;
import io.github.npmrcguard.parse.Setting;
import java.util.List;

/** One project config format: how to read the registries it declares, and how to merge registries into it. */
interface ConfigFormat {
    /** The kind, for the rules that check an existing file for literals. */
    FileKind kind();

    /** The file name in the local prefix. */
    String fileName();

    /** The settings as the format's client reads them. */
    List<Setting> parse(TextFile file) throws ParseException;

    /**
     * The registries the settings declare, with the variable of each one's existing auth placeholder (else
     * the one {@link io.github.npmrcguard.auth.TokenVariables} names).
     *
     * @param where names the file in messages
     */
    DeclaredRegistries declared(List<Setting> settings, String where);

    /**
     * Merges registries into the file with minimal line edits.
     *
     * @throws UneditableException when the file's layout does not allow a safe line edit, or a setting the
     *                             merge would replace holds a literal
     * @throws ParseException      when the file does not parse
     */
    Edit merge(TextFile file, List<RegistrySpec> registries, MergePolicy policy)
            throws UneditableException, ParseException;

    /** The last setting of a key at top level (a later occurrence wins in every client). */
    static Setting last(List<Setting> settings, String key) {
        Setting found = null;
        for (Setting s : settings) {
            if (s.key().equals(key) && s.section().isEmpty()) {
                found = s;
            }
        }
        return found;
    }

    /** Whether a registry value names the same registry as a normalised URL. */
    static boolean sameUrl(String value, String normalizedUrl) {
        try {
            return NerfDart.normalizedUrl(value).equals(normalizedUrl);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
