package io.github.npmrcguard.parse;

import java.util.List;

/**
 * bun's {@code bunfig.toml}, as TOML 1.0. One setting per string anywhere in the document: in tables, in
 * inline tables ({@code [install] registry = { url = "...", token = "..." }} gives {@code install.registry.url}
 * and {@code install.registry.token}) and in arrays (each element under the array's key). The key is the
 * dotted path, the name its last part ({@code token}, {@code registry}, or the scope for
 * {@code [install.scopes] acme = "..."}), the scope the path above it. Numbers, booleans and dates are not
 * settings. {@code $VAR} is not expanded.
 */
public final class BunfigTomlParser implements ConfigParser {

    /**
     * The largest file parsed, in chars. tomlj spends about a second per 700 KiB of string and more per
     * array element, so a huge file would stall every build; a real bunfig.toml is a few KiB.
     */
    static final int MAX_CHARS = 256 * 1024;

    /** Creates the parser; it holds no state between calls (tomlj is loaded on the first parse). */
    public BunfigTomlParser() {}

    /**
     * {@inheritDoc}
     *
     * @throws ParseException for text that is not valid TOML (with the line of the first error), or that is
     *                        longer than {@value #MAX_CHARS} chars (line 0; not parsed at all)
     */
    @Override
    public List<Setting> parse(String text) throws ParseException {
        if (text.length() > MAX_CHARS) {
            throw new ParseException("bunfig.toml over " + MAX_CHARS / 1024 + " KiB, too large to parse", 0);
        }
        // tomlj refuses a BOM; bun, like the decoder, does not see one.
        return TomlSettings.parse(!text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text);
    }
}
