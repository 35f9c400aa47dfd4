package io.github.npmrcguard.rules;

import io.github.npmrcguard.parse.PomKeys;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the parts of a key that a secret typed in the wrong place could stand in. A registry host and a scope
 * name are printed only when they are what such a thing can syntactically be; a path segment only when it is
 * a lower-case URL segment; any other word only when it is a known setting name or a plain lower-case
 * identifier. What fails is replaced by a placeholder, and the rest of the key stays readable:
 * {@code //<host not shown>/:_authToken}.
 *
 * <p>Left open: a secret that is itself a valid lower-case host or scope name, typed in that slot, cannot be
 * told apart from a real one.
 */
final class KeySegments {
    static final String HOST_NOT_SHOWN = "<host not shown>";
    static final String PATH_NOT_SHOWN = "<path not shown>";
    static final String SCOPE_NOT_SHOWN = "<scope not shown>";
    static final String WORD_NOT_SHOWN = "<name not shown>";

    /** Lower-case labels, as npm writes a host into a nerf dart. An IPv4 address is one of these too. */
    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");

    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+\\]");
    private static final Pattern PORT = Pattern.compile(":[0-9]{1,5}$");
    private static final Pattern PATH_SEGMENT = Pattern.compile("[a-z0-9._~-]+");
    /** An npm scope name without its {@code @} (validate-npm-package-name: lower case, no leading . or _). */
    private static final Pattern SCOPE = Pattern.compile("[a-z0-9~-][a-z0-9._~-]{0,213}");
    /** A word of a key split at {@code . : /}: a plain lower-case identifier. */
    private static final Pattern IDENTIFIER = Pattern.compile("[@_]?[a-z0-9_-]*");
    /** An environment variable's name in a pom's {@code environmentVariables}, upper-case by convention. */
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    private static final String NPM_CONFIG = "npm_config_";
    /** A placeholder an earlier step wrote ({@code <npm access token>}); never a part of the input here. */
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]* [^<>]*>");

    private static final Pattern NAME = Pattern.compile("[^:/]+|[:/]");
    /** yarn's {@code npmRegistries."https://host".npmAuthToken}: the setting's name after the URL. */
    private static final Pattern NAME_AFTER_URL = Pattern.compile("\\.([A-Za-z]+)$");

    private static final List<String> SCOPE_TABLES = List.of("npmScopes.", "install.scopes.");
    /** bun's lower-case names in a scope's table ({@code acme = { url = ..., token = ... }}). */
    private static final Set<String> SCOPE_SETTINGS = Set.of("url", "token", "username", "password");

    /**
     * Setting names that are not plain lower-case identifiers: npm's {@code _authToken}, yarn 2+'s and bun's
     * camel-case names, and the pom parameters the pom parser keys settings by.
     */
    private static final Set<String> VOCABULARY = vocabulary();

    private KeySegments() {}

    /**
     * Whether a nerf dart's or URL's {@code host[:port]} may be printed: lower-case host name labels, an IPv4
     * address or a bracketed IPv6 literal, with an optional port.
     */
    static boolean isPrintableHost(String hostAndPort) {
        String host = PORT.matcher(hostAndPort).replaceFirst("");
        if (IPV6.matcher(host).matches()) {
            return true;
        }
        return host.length() <= 253 && HOST_NAME.matcher(host).matches() && !SafeText.looksRandom(host);
    }

    /** Whether a scope name ({@code @acme}, yarn's {@code acme}) may be printed: a valid npm scope name. */
    static boolean isPrintableScope(String scope) {
        String name = scope.startsWith("@") ? scope.substring(1) : scope;
        return SCOPE.matcher(name).matches() && !SafeText.looksRandom(name);
    }

    /**
     * The key with every segment that may not be printed replaced by a placeholder.
     *
     * @param pom whether the key is a pom's, whose environment variable names are upper-case words
     */
    static String mask(String key, boolean pom) {
        int url = key.indexOf("//");
        if (url >= 0) {
            return words(key.substring(0, url), pom) + "//" + url(key.substring(url + 2), pom);
        }
        if (key.startsWith("@")) {
            // npm's @scope:registry; a scope name holds no ':'.
            int colon = key.indexOf(':');
            String scope = colon < 0 ? key : key.substring(0, colon);
            return scope(scope) + (colon < 0 ? "" : words(key.substring(colon), pom));
        }
        for (String table : SCOPE_TABLES) {
            if (key.startsWith(table)) {
                String rest = key.substring(table.length());
                int dot = rest.lastIndexOf('.');
                // A scope's settings are one level below it, so a known name after the last dot ends the scope.
                String name = dot > 0 ? rest.substring(dot + 1) : "";
                if (VOCABULARY.contains(name) || SCOPE_SETTINGS.contains(name)) {
                    return table + scope(rest.substring(0, dot)) + rest.substring(dot);
                }
                return table + scope(rest);
            }
        }
        return words(key, pom);
    }

    /** {@code host[:port][/path/][:name]} and yarn's {@code host[/path].name}, after the {@code //}. */
    private static String url(String rest, boolean pom) {
        String name = "";
        Matcher after = NAME_AFTER_URL.matcher(rest);
        if (after.find() && VOCABULARY.contains(after.group(1))) {
            name = after.group();
            rest = rest.substring(0, after.start());
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String pathAndTail = slash < 0 ? "" : rest.substring(slash);
        StringBuilder out = new StringBuilder();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            out.append("***@"); // user info is a credential; SafeText has masked it already, this keeps it so
            authority = authority.substring(at + 1);
        }
        String hostAndPort = authority;
        String tail = "";
        int hostEnd = authority.startsWith("[") ? authority.indexOf(']') + 1 : 0;
        int colon = authority.indexOf(':', hostEnd);
        if (colon >= 0) {
            // //host:4873:_authToken (no slash): the port, then the setting's name.
            int nameColon = authority.indexOf(':', colon + 1);
            boolean port = authority
                    .substring(colon + 1, nameColon < 0 ? authority.length() : nameColon)
                    .matches("[0-9]{1,5}");
            int split = port ? nameColon : colon;
            if (split >= 0) {
                hostAndPort = authority.substring(0, split);
                tail = authority.substring(split);
            }
        }
        out.append(isPrintable(hostAndPort) || isPrintableHost(hostAndPort) ? hostAndPort : HOST_NOT_SHOWN);
        out.append(words(tail, pom));
        int colonInPath = pathAndTail.indexOf(':');
        String path = colonInPath < 0 ? pathAndTail : pathAndTail.substring(0, colonInPath);
        out.append(path(path));
        out.append(words(pathAndTail.substring(path.length()), pom));
        return out.append(name).toString();
    }

    /** {@code /a/b/} as it is, or with its segments replaced as a whole when one of them may be a secret. */
    private static String path(String path) {
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()
                    && !isPrintable(segment)
                    && (!PATH_SEGMENT.matcher(segment).matches() || SafeText.looksRandom(segment))) {
                return "/" + PATH_NOT_SHOWN + (path.endsWith("/") ? "/" : "");
            }
        }
        return path;
    }

    private static String scope(String scope) {
        if (isPrintable(scope) || isPrintableScope(scope)) {
            return scope;
        }
        return (scope.startsWith("@") ? "@" : "") + SCOPE_NOT_SHOWN;
    }

    /**
     * Text split at {@code :} and {@code /} into names, each kept or replaced on its own. A dotted name
     * ({@code init.author.name}) is one name: it is kept only if every part is a known word, since a secret
     * with a dot in it would otherwise be printed in part.
     */
    private static String words(String text, boolean pom) {
        StringBuilder out = new StringBuilder();
        Matcher names = NAME.matcher(text);
        while (names.find()) {
            String name = names.group();
            if (name.equals(":") || name.equals("/")) {
                out.append(name);
            } else if (name.startsWith("@")) {
                out.append(scope(name));
            } else if (allKnownWords(name, pom)) {
                out.append(name);
            } else {
                out.append(WORD_NOT_SHOWN);
            }
        }
        return out.toString();
    }

    /** Whether every dot-separated word of a name may be printed (a loop: a stream costs linking when cold). */
    private static boolean allKnownWords(String name, boolean pom) {
        for (String word : name.split("\\.", -1)) {
            if (!isKnownWord(word) && !(pom && isEnvironmentName(word))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isKnownWord(String word) {
        return isPrintable(word)
                || VOCABULARY.contains(word)
                || IDENTIFIER.matcher(word).matches();
    }

    /** {@code NPM_TOKEN}, or npm's {@code npm_config_<key>} ({@code npm_config__authToken}). */
    private static boolean isEnvironmentName(String word) {
        return ENV_NAME.matcher(word).matches()
                || word.startsWith(NPM_CONFIG) && isKnownWord(word.substring(NPM_CONFIG.length()));
    }

    /** Whether the text is a placeholder written by an earlier step. */
    private static boolean isPrintable(String text) {
        return PLACEHOLDER.matcher(text).matches();
    }

    private static Set<String> vocabulary() {
        Set<String> names = new HashSet<>(List.of(
                // npm
                "_authToken",
                // yarn 2+ (.yarnrc.yml)
                "cacheFolder",
                "cacheMigrationMode",
                "changesetBaseRefs",
                "changesetIgnorePatterns",
                "checksumBehavior",
                "cloneConcurrency",
                "compressionLevel",
                "constraintsPath",
                "defaultLanguageName",
                "defaultProtocol",
                "defaultSemverRangePrefix",
                "deferredVersionFolder",
                "enableColors",
                "enableConstraintsChecks",
                "enableGlobalCache",
                "enableHardenedMode",
                "enableHyperlinks",
                "enableImmutableCache",
                "enableImmutableInstalls",
                "enableInlineBuilds",
                "enableInlineHunks",
                "enableMessageNames",
                "enableMirror",
                "enableNetwork",
                "enableOfflineMode",
                "enableProgressBars",
                "enableScripts",
                "enableStrictSsl",
                "enableTelemetry",
                "enableTimers",
                "enableTransparentWorkspaces",
                "globalFolder",
                "httpProxy",
                "httpRetry",
                "httpTimeout",
                "httpsCaFilePath",
                "httpsCertFilePath",
                "httpsKeyFilePath",
                "httpsProxy",
                "caFilePath",
                "ignoreCwd",
                "ignorePath",
                "immutablePatterns",
                "initFields",
                "initScope",
                "injectEnvironmentFiles",
                "installStatePath",
                "logFilters",
                "networkConcurrency",
                "networkSettings",
                "nmHoistingLimits",
                "nmMode",
                "nmSelfReferences",
                "nodeLinker",
                "npmAlwaysAuth",
                "npmAuditExcludePackages",
                "npmAuditIgnoreAdvisories",
                "npmAuditRegistry",
                "npmAuthIdent",
                "npmAuthToken",
                "npmMinimalAgeGate",
                "npmPreapprovedPackages",
                "npmPublishAccess",
                "npmPublishProvenance",
                "npmPublishRegistry",
                "npmRegistries",
                "npmRegistryServer",
                "npmScopes",
                "packageExtensions",
                "patchFolder",
                "pnpDataPath",
                "pnpEnableEsmLoader",
                "pnpEnableInlining",
                "pnpFallbackMode",
                "pnpIgnorePatterns",
                "pnpMode",
                "pnpShebang",
                "pnpUnpluggedFolder",
                "preferDeferredVersions",
                "preferInteractive",
                "preferReuse",
                "preferTruncatedLines",
                "progressBarStyle",
                "rcFilename",
                "supportedArchitectures",
                "taskPoolConcurrency",
                "telemetryInterval",
                "telemetryUserId",
                "tsEnableAutoTypes",
                "unsafeHttpWhitelist",
                "virtualFolder",
                "winLinkType",
                "workerPoolMode",
                "yarnPath",
                "lockfileFilename",
                // bun (bunfig.toml)
                "disableManifest",
                "frozenLockfile",
                "saveTextLockfile",
                "dryRun",
                "globalDir",
                "globalBinDir",
                "linkWorkspacePackages",
                "concurrentScripts",
                "minimumReleaseAge",
                "jsxFactory",
                "jsxFragment",
                "jsxImportSource",
                "logLevel",
                "coverageThreshold",
                "coverageSkipTestFiles",
                "coverageReporter",
                "coverageDir",
                "publicDir",
                // pom (see PomKeys)
                PomKeys.ENVIRONMENT));
        names.addAll(PomKeys.ARGUMENTS);
        names.addAll(PomKeys.URLS);
        return Set.copyOf(names);
    }
}
