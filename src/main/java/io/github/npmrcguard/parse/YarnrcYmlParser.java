package io.github.npmrcguard.parse;

import java.util.List;

/**
 * yarn 2+'s {@code .yarnrc.yml}, read as {@code parseSyml()} of {@code @yarnpkg/parsers} reads it: YAML with
 * js-yaml's failsafe schema (every scalar a string) and {@code json: true} (a repeated key is allowed, the
 * last one wins), an empty file meaning no settings, and anything but a mapping at the top refused.
 *
 * <p>One setting per scalar leaf, and per scalar in a list. Its key is the path of mapping keys joined with
 * dots, even where a key holds dots or slashes itself ({@code npmRegistries.//npm.pkg.github.com.npmAuthToken});
 * its name is the last key and its scope the path above it ({@code npmScopes.acme}). The line is the key's, or
 * for a list element the element's. {@code ${VAR}} is not expanded.
 *
 * <p>A file whose leading comments include {@code # yarn lockfile v1} is, for berry, in the legacy lockfile
 * syntax; it is read with yarn 1's lockfile parser (berry's own grammar for it is close but not identical).
 */
public final class YarnrcYmlParser implements ConfigParser {

    /** Creates the parser; it holds no state between calls (snakeyaml is loaded on the first parse). */
    public YarnrcYmlParser() {}

    /**
     * {@inheritDoc}
     *
     * @throws ParseException for text that is not YAML, or not a mapping, or whose aliases expand too far
     */
    @Override
    public List<Setting> parse(String text) throws ParseException {
        if (isLegacyLockfileSyntax(text)) {
            return YarnrcParser.parseLockfileSyntax(text);
        }
        return YamlSettings.parse(text, true, true, YarnrcYmlParser::pathParts);
    }

    private static NpmKeys.ScopeAndName pathParts(List<String> path) {
        return new NpmKeys.ScopeAndName(String.join(".", path.subList(0, path.size() - 1)), path.get(path.size() - 1));
    }

    /**
     * berry's {@code /^(#.*(\r?\n))*?#\s+yarn\s+lockfile\s+v1\r?\n/i}: comment lines, one of them the legacy
     * marker, from the start of the file.
     */
    static boolean isLegacyLockfileSyntax(String text) {
        int pos = 0;
        while (pos < text.length() && text.charAt(pos) == '#') {
            if (matchesMarker(text, pos + 1)) {
                return true;
            }
            // "#.*" then "\r?\n": '.' stops at any line terminator, and only CRLF or LF may follow.
            int i = pos + 1;
            while (i < text.length() && !Js.isLineTerminator(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '\r') {
                i++;
            }
            if (i >= text.length() || text.charAt(i) != '\n') {
                return false;
            }
            pos = i + 1;
        }
        return false;
    }

    /** {@code \s+yarn\s+lockfile\s+v1\r?\n}, case-insensitive, at {@code pos}. */
    private static boolean matchesMarker(String text, int pos) {
        for (String word : new String[] {"yarn", "lockfile", "v1"}) {
            int spaces = pos;
            while (pos < text.length() && Js.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos == spaces || !text.regionMatches(true, pos, word, 0, word.length())) {
                return false;
            }
            pos += word.length();
        }
        if (pos < text.length() && text.charAt(pos) == '\r') {
            pos++;
        }
        return pos < text.length() && text.charAt(pos) == '\n';
    }
}
