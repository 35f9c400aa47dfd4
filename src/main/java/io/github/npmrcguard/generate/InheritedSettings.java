package io.github.npmrcguard.generate;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.DecodedText;
import io.github.npmrcguard.parse.Lines;
import io.github.npmrcguard.parse.NpmIniParser;
import io.github.npmrcguard.parse.ParseException;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.parse.TextDecoder;
import io.github.npmrcguard.rules.ConfigDocument;
import io.github.npmrcguard.rules.CredentialKeys;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.RuleCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of the developer's own user config that the generated user config carries over, because
 * pointing {@code NPM_CONFIG_USERCONFIG} at the generated file hides {@code ~/.npmrc} from npm, pnpm and
 * yarn 1 (research note 7, caveat 3). Only network and TLS settings are carried: registries, proxies, CA
 * file, TLS strictness, retries, timeouts and the cache folder. Never an auth key (nothing nerf-darted, no
 * {@code _auth*}, {@code username}, {@code certfile}, {@code keyfile}), never a value with user info in a
 * URL, never a line the {@code check} rules report anything on.
 */
final class InheritedSettings {
    private static final Set<String> CARRIED = Set.of(
            "registry",
            "proxy",
            "https-proxy",
            "noproxy",
            "cafile",
            "strict-ssl",
            "maxsockets",
            "fetch-retries",
            "fetch-retry-factor",
            "fetch-retry-mintimeout",
            "fetch-retry-maxtimeout",
            "fetch-timeout",
            "prefer-offline",
            "prefer-online",
            "offline",
            "cache",
            "local-address");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@\\s]*@");
    /** A user config larger than this is not read: a real one is a few hundred bytes. */
    private static final long MAX_BYTES = 1024 * 1024;

    /**
     * What is carried over.
     *
     * @param lines           {@code key=value} lines
     * @param credentialDarts nerf darts the source file holds credentials for, which the generated file hides
     */
    record Carried(List<String> lines, Set<String> credentialDarts) {
        static final Carried NONE = new Carried(List.of(), Set.of());
    }

    private InheritedSettings() {}

    /**
     * The carried settings as {@code key=value} lines, in file order, the last of a repeated key winning.
     *
     * @param file    the user config npm would read without the generator (may not exist)
     * @param skipKeys keys the generated file sets itself
     */
    static Carried read(Path file, Set<String> skipKeys, List<Message> messages, PathDisplay display) {
        if (file == null || !Files.isRegularFile(file)) {
            return Carried.NONE;
        }
        DecodedText decoded;
        try {
            if (Files.size(file) > MAX_BYTES) {
                messages.add(Message.warning(display.of(file) + " is too large to carry settings over from"));
                return Carried.NONE;
            }
            decoded = new TextDecoder().decode(Files.readAllBytes(file));
        } catch (IOException | ParseException e) {
            messages.add(Message.warning(display.of(file) + " could not be read, so none of its settings (proxy,"
                    + " CA file) are carried into the generated user config"));
            return Carried.NONE;
        }
        List<Setting> settings = new NpmIniParser().parse(decoded);
        Set<Integer> flagged = new HashSet<>();
        for (Finding f : RuleCatalogue.check(
                new ConfigDocument(display.of(file), FileKind.NPMRC, Lines.split(decoded.text()), settings))) {
            flagged.add(f.line());
        }
        Map<String, String> carried = new LinkedHashMap<>();
        Set<String> credentialDarts = new HashSet<>();
        for (Setting s : settings) {
            if (s.scope().startsWith("//") && CredentialKeys.isCredential(FileKind.NPMRC, s)) {
                credentialDarts.add(s.scope());
            }
            boolean carriedName = s.scope().isEmpty()
                    ? CARRIED.contains(s.name())
                    : s.scope().startsWith("@") && s.name().equals("registry");
            if (!carriedName
                    || !s.section().isEmpty()
                    || flagged.contains(s.line())
                    || skipKeys.contains(s.key())
                    || USER_INFO.matcher(s.value()).find()) {
                continue;
            }
            carried.remove(s.key()); // keep file order of the winning occurrence
            carried.put(s.key(), s.value());
        }
        List<String> lines = new ArrayList<>();
        carried.forEach((k, v) -> lines.add(k + "=" + iniValue(v)));
        return new Carried(List.copyOf(lines), Set.copyOf(credentialDarts));
    }

    /**
     * A value as npm's ini reads it back unchanged: as is when it has nothing ini would cut or unquote,
     * else as a JSON string (ini JSON-decodes double-quoted values).
     */
    static String iniValue(String value) {
        boolean plain = !value.isEmpty()
                && value.equals(value.strip())
                && value.indexOf(';') < 0
                && value.indexOf('#') < 0
                && value.indexOf('\\') < 0
                && value.charAt(0) != '"'
                && value.charAt(0) != '\'';
        if (plain) {
            return value;
        }
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
