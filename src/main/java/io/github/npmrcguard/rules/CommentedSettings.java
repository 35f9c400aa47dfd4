package io.github.npmrcguard.rules;

import io.github.npmrcguard.parse.NpmIniParser;
import io.github.npmrcguard.parse.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The setting a commented-out {@code .npmrc} line (or a {@code .yarnrc.yml} auth line) would make if its comment marks were removed:
 * {@code ;//host/:_authToken=value} and {@code # //host/:_authToken=value} both give
 * {@code //host/:_authToken}. Prose ({@code # set _authToken to your token}) makes no auth key, and a value
 * with a space in it is prose too: a credential is one word.
 */
final class CommentedSettings {
    private CommentedSettings() {}

    /**
     * Where the commented text of a comment line starts, after its marks and the blanks around them; -1 when
     * the line is not a comment or holds nothing after its marks.
     */
    static int commentedText(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (i == line.length() || (line.charAt(i) != ';' && line.charAt(i) != '#')) {
            return -1;
        }
        while (i < line.length()
                && (line.charAt(i) == ';' || line.charAt(i) == '#' || Character.isWhitespace(line.charAt(i)))) {
            i++;
        }
        return i < line.length() ? i : -1;
    }

    private static boolean hasBlank(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** yarn 2+'s auth keys written as one line: {@code npmAuthToken: value}, the value bare or quoted. */
    private static final Pattern YAML_AUTH = Pattern.compile(
            "(npmAuthToken|npmAuthIdent)\\s*:\\s*(?:\"([^\"\\s]*)\"|'([^'\\s]*)'|([^\\s\"'#]+))\\s*(?:#.*)?");

    /**
     * The auth setting of a commented {@code .yarnrc.yml} line ({@code # npmAuthToken: value}), at the given
     * 1-based line; its key is the bare name, wherever the line stood.
     */
    static List<Setting> parseYaml(String commented, int line) {
        Matcher m = YAML_AUTH.matcher(commented);
        if (!m.matches()) {
            return List.of();
        }
        String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        return List.of(new Setting(line, m.group(1), m.group(1), "", value, "", m.group(4) == null));
    }

    /** The settings of the commented text, at the given 1-based line; values with a blank left out. */
    static List<Setting> parse(String commented, int line) {
        List<Setting> out = new ArrayList<>();
        for (Setting s : new NpmIniParser().parse(commented)) {
            if (!hasBlank(s.value().strip())) {
                out.add(new Setting(
                        line, s.key(), s.name(), s.scope(), s.value(), s.section(), s.quoted(), s.array(), s.readBy()));
            }
        }
        return out;
    }
}
