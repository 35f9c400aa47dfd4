package io.github.npmrcguard.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An {@code .npmrc} as all its clients read it: npm's reading ({@link NpmIniParser}; pnpm and yarn 1 use the
 * same {@code ini} rules), followed by each auth setting that bun's own reader finds where npm's does not.
 * bun ends a line only at LF and keeps U+2028/U+2029 as ordinary characters, so a line that npm drops whole
 * for holding one gives bun a credential that npm never sees. Those settings carry {@link Setting#readBy()}
 * {@code "bun"}. bun ignores {@code key[]} arrays and keys in a {@code [section]}, reads auth only from
 * nerf-darted keys, and refuses a credential holding a CR (which a lone CR leaves in its line) or NUL, so
 * only the others are added.
 */
public final class NpmrcParser implements ConfigParser {
    /** The auth names bun reads from a nerf-darted key ({@code username} alone is no credential). */
    private static final Set<String> BUN_AUTH = Set.of("_authToken", "_auth", "_password");

    /** Creates the parser; it holds no state between calls. */
    public NpmrcParser() {
    }

    /** {@inheritDoc} Never throws: both readers accept any text. */
    @Override
    public List<Setting> parse(String text) {
        return withBun(new NpmIniParser().parse(text), text);
    }

    /** As {@link NpmIniParser#parse(DecodedText)}, then bun's extra readings. */
    @Override
    public List<Setting> parse(DecodedText decoded) {
        return withBun(new NpmIniParser().parse(decoded), decoded.text());
    }

    private static List<Setting> withBun(List<Setting> npm, String text) {
        if (!mayDiffer(text)) {
            return npm;
        }
        Set<String> seen = new HashSet<>();
        for (Setting s : npm) {
            seen.add(s.line() + "\0" + s.key() + "\0" + s.value());
        }
        List<Setting> out = new ArrayList<>(npm);
        for (NpmIniParser.IniLine line : new NpmIniParser().parseBunLines(text)) {
            if (!(line instanceof NpmIniParser.Entry e) || e.bracketed() || e.section() != null) {
                continue;
            }
            Setting s = e.toSetting();
            if (s.scope().startsWith("//") && BUN_AUTH.contains(s.name()) && s.value().indexOf('\r') < 0
                    && s.value().indexOf('\0') < 0 && !seen.contains(s.line() + "\0" + s.key() + "\0" + s.value())) {
                out.add(new Setting(s.line(), s.key(), s.name(), s.scope(), s.value(), "", s.quoted(), false,
                        "bun"));
            }
        }
        return out;
    }

    /** Only a U+2028 or U+2029 can give bun a credential npm does not read. */
    private static boolean mayDiffer(String text) {
        return text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0;
    }
}
