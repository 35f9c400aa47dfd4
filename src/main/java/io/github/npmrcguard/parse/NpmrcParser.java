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
 * only the others are added. One CR reading is added too: a registry line joined by a lone CR to the lines
 * after it, whose auth text bun takes from the joined URL.
 */
public final class NpmrcParser implements ConfigParser {
    /** The auth names bun reads from a nerf-darted key ({@code username} alone is no credential). */
    private static final Set<String> BUN_AUTH = Set.of("_authToken", "_auth", "_password");

    /** Creates the parser; it holds no state between calls. */
    public NpmrcParser() {}

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
            Setting joined = tokenAfterCr(s);
            if (joined != null && !seen.contains(joined.line() + "\0" + joined.key() + "\0" + joined.value())) {
                out.add(joined);
            }
            if (s.scope().startsWith("//")
                    && BUN_AUTH.contains(s.name())
                    && s.value().indexOf('\r') < 0
                    && s.value().indexOf('\0') < 0
                    && !seen.contains(s.line() + "\0" + s.key() + "\0" + s.value())) {
                out.add(new Setting(s.line(), s.key(), s.name(), s.scope(), s.value(), "", s.quoted(), false, "bun"));
            }
        }
        return out;
    }

    /**
     * A registry line that a lone CR joins to the next lines: bun takes the whole as the registry URL, and a
     * {@code :_authToken=} or {@code :_auth=} in it (the last one) gives the credential it sends to that
     * registry, whatever host the text names. Returns that credential as a bun setting on its stored line, or
     * null.
     */
    private static Setting tokenAfterCr(Setting s) {
        if (!(s.name().equals("registry")) || s.value().indexOf('\r') < 0) {
            return null;
        }
        String v = s.value();
        int token = v.lastIndexOf(":_authToken=");
        int auth = v.lastIndexOf(":_auth=");
        int at = Math.max(token, auth);
        if (at < 0 || v.lastIndexOf('\r', at) < 0) {
            return null;
        }
        String name = at == token ? "_authToken" : "_auth";
        int segment = v.lastIndexOf('\r', at) + 1;
        int slashes = v.lastIndexOf("//", at);
        String scope = v.substring(slashes >= segment ? slashes : segment, at + 1);
        // the URL parser drops CR, LF and tab: what is left after '=' is sent
        String value = v.substring(at + name.length() + 2).replaceAll("[\r\n\t]", "");
        int line = s.line()
                + (int) v.substring(0, segment).chars().filter(c -> c == '\r').count();
        return new Setting(line, scope + name, name, scope, value, "", false, false, "bun");
    }

    /** Only a U+2028, a U+2029 or a lone CR can give bun a credential npm does not read. */
    private static boolean mayDiffer(String text) {
        if (text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0) {
            return true;
        }
        for (int i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
            if (i + 1 == text.length() || text.charAt(i + 1) != '\n') {
                return true;
            }
        }
        return false;
    }
}
