package io.github.npmrcguard.hook;

import io.github.npmrcguard.allow.AllowlistEntry;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What the hook needs of the plugin configuration, read from the pom when the hook is installed: the scan
 * root (relative to the top of the work tree), the path excludes and the allowlist. The CI preflight is not
 * part of it: a commit is not a CI build. Stored as a properties file next to the hook's script.
 *
 * @param root      the scan root relative to the top of the work tree, {@code /}-separated, ending in
 *                  {@code /}, or empty for the top itself
 * @param excludes  Ant-style globs relative to the scan root
 * @param allowlist fingerprint exceptions
 */
public record HookConfig(String root, List<String> excludes, List<AllowlistEntry> allowlist) {
    public HookConfig {
        root = root == null ? "" : root;
        excludes = List.copyOf(excludes);
        allowlist = List.copyOf(allowlist);
    }

    /** The file's content: the same configuration always gives the same bytes, so a rewrite is a no-op. */
    public byte[] toBytes() {
        StringBuilder s = new StringBuilder();
        s.append("# npmrc-guard pre-commit hook settings, copied from the pom by mvn npmrc-guard:install-hook.\n");
        s.append("# Edit the pom and run the goal again rather than this file.\n");
        entry(s, "root", root);
        for (int i = 0; i < excludes.size(); i++) {
            entry(s, "exclude." + i, excludes.get(i));
        }
        for (int i = 0; i < allowlist.size(); i++) {
            AllowlistEntry e = allowlist.get(i);
            entry(s, "allow." + i + ".fingerprint", e.fingerprint());
            entry(s, "allow." + i + ".reason", e.reason());
            if (e.expires() != null) {
                entry(s, "allow." + i + ".expires", e.expires().toString());
            }
        }
        return s.toString().getBytes(StandardCharsets.ISO_8859_1); // every other character is escaped
    }

    /**
     * Reads what {@link #toBytes} wrote.
     *
     * @throws IOException when the content is not such a file
     */
    public static HookConfig parse(byte[] content) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(content, StandardCharsets.ISO_8859_1)));
        List<String> excludes = new ArrayList<>();
        for (int i = 0; p.containsKey("exclude." + i); i++) {
            excludes.add(p.getProperty("exclude." + i));
        }
        List<AllowlistEntry> allowlist = new ArrayList<>();
        for (int i = 0; p.containsKey("allow." + i + ".fingerprint"); i++) {
            String expires = p.getProperty("allow." + i + ".expires");
            try {
                allowlist.add(new AllowlistEntry(
                        p.getProperty("allow." + i + ".fingerprint"),
                        p.getProperty("allow." + i + ".reason"),
                        expires == null ? null : LocalDate.parse(expires)));
            } catch (DateTimeParseException e) {
                throw new IOException("allow." + i + ".expires is not an ISO date");
            }
        }
        return new HookConfig(p.getProperty("root", ""), excludes, allowlist);
    }

    private static void entry(StringBuilder s, String key, String value) {
        s.append(key).append('=');
        String v = value == null ? "" : value;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                case '=', ':', '#', '!' -> s.append('\\').append(c);
                case ' ' -> s.append(i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('\n');
    }
}
