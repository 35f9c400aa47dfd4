package io.github.npmrcguard.rules;

import io.github.npmrcguard.parse.NpmIniParser;
import io.github.npmrcguard.parse.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * The setting a commented-out {@code .npmrc} line would make if its comment marks were removed:
 * {@code ;//host/:_authToken=value} and {@code # //host/:_authToken=value} both give
 * {@code //host/:_authToken}. Prose ({@code # set _authToken to your token}) makes no auth key, and a value
 * with a space in it is prose too: a credential is one word.
 */
final class CommentedSettings {
    private CommentedSettings() {
    }

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
        while (i < line.length() && (line.charAt(i) == ';' || line.charAt(i) == '#'
                || Character.isWhitespace(line.charAt(i)))) {
            i++;
        }
        return i < line.length() ? i : -1;
    }

    /** The settings of the commented text, at the given 1-based line; values with a blank left out. */
    static List<Setting> parse(String commented, int line) {
        List<Setting> out = new ArrayList<>();
        for (Setting s : new NpmIniParser().parse(commented)) {
            if (s.value().strip().chars().noneMatch(Character::isWhitespace)) {
                out.add(new Setting(line, s.key(), s.name(), s.scope(), s.value(), s.section(), s.quoted(),
                        s.array(), s.readBy()));
            }
        }
        return out;
    }
}
