package io.github.npmrcguard.generate;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.ParseException;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.parse.YarnrcYmlParser;
import io.github.npmrcguard.rules.Dialect;
import io.github.npmrcguard.rules.SafeText;
import io.github.npmrcguard.rules.ValueClassifier;
import io.github.npmrcguard.rules.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * yarn 2+'s {@code .yarnrc.yml} (yarn 2+ never reads {@code .npmrc}). The default registry is
 * {@code npmRegistryServer} and {@code npmAuthToken} at top level; a scoped one is
 * {@code npmScopes: <scope>: {npmRegistryServer, npmAuthToken}}. The token is always {@code "${VAR:-}"}: a
 * plain {@code ${VAR}} makes yarn 2+ abort every command, even {@code yarn run}, while VAR is unset.
 *
 * <p>{@code npmAlwaysAuth: true} is added for a default registry other than the public npm registry:
 * yarn 2+ sends no credentials on GET requests for unscoped packages without it (research note 2.4,
 * verified), so a private default registry would see anonymous requests. It is not added for the public
 * registry, whose unscoped packages are all public and where it would turn an unset variable into
 * "YN0033: No authentication configured" on every install; scoped packages get the token without it.
 *
 * <p>Edits are made in block-style YAML only; a flow-style mapping ({@code npmScopes: {a: ...}}) is left
 * alone with a message. A registry only published to gets just its token, under
 * {@code npmRegistries: "//host/path": npmAuthToken}.
 */
final class YarnrcYmlFormat implements ConfigFormat {
    static final String FILE_NAME = ".yarnrc.yml";
    private static final String SERVER = "npmRegistryServer";
    private static final String TOKEN = "npmAuthToken";
    private static final String ALWAYS_AUTH = "npmAlwaysAuth";
    private static final String SCOPES = "npmScopes";
    private static final Set<String> PUBLIC_HOSTS = Set.of("//registry.npmjs.org/", "//registry.yarnpkg.com/");
    private static final Pattern SCOPES_HEADER = Pattern.compile("npmScopes\\s*:\\s*(#.*)?");
    private static final String REGISTRIES = "npmRegistries";
    private static final Pattern REGISTRIES_HEADER = Pattern.compile("npmRegistries\\s*:\\s*(#.*)?");

    @Override
    public FileKind kind() {
        return FileKind.YARNRC_YML;
    }

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public List<Setting> parse(TextFile file) throws ParseException {
        return new YarnrcYmlParser().parse(file.text());
    }

    @Override
    public DeclaredRegistries declared(List<Setting> settings, String where) {
        List<RegistrySpec> found = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        boolean any = false;
        for (Setting s : settings) {
            String scope;
            if (s.key().equals(SERVER)) {
                scope = "";
            } else if (s.name().equals(SERVER) && s.scope().startsWith(SCOPES + ".")) {
                scope = "@" + s.scope().substring(SCOPES.length() + 1);
            } else {
                continue;
            }
            any = true;
            if (ConfigFormat.last(settings, s.key()) != s) {
                continue;
            }
            try {
                RegistrySpec spec = new RegistrySpec(s.value(), scope, null);
                Setting token = ConfigFormat.last(settings, prefix(spec) + TOKEN);
                found.add(spec.withTokenVariable(existingVariable(token).orElse(spec.tokenVariable())));
            } catch (IllegalArgumentException e) {
                messages.add(Message.warning(where + ":" + s.line() + ": " + SafeText.key(s.key())
                        + " is not used by the generator: "
                        + e.getMessage()));
            }
        }
        return new DeclaredRegistries(found, any, messages);
    }

    private static Optional<String> existingVariable(Setting token) {
        if (token == null || ValueClassifier.classify(token.value(), Dialect.YARN_BERRY) != ValueKind.PLACEHOLDER) {
            return Optional.empty();
        }
        return Placeholders.variableOf(token.value());
    }

    private static String prefix(RegistrySpec r) {
        return r.isScoped() ? SCOPES + "." + r.scopeName() + "." : "";
    }

    @Override
    public Edit merge(TextFile file, List<RegistrySpec> registries, MergePolicy policy)
            throws UneditableException, ParseException {
        Edit edit = new Edit(file);
        for (RegistrySpec r : registries) {
            List<Setting> settings = parse(edit.file());
            if (r.publishOnly()) {
                if (policy.writeAuth()) {
                    mergePublishToken(edit, settings, r, policy);
                }
                continue;
            }
            String prefix = prefix(r);
            List<String[]> missing = new ArrayList<>(); // {name, value as written}
            Setting server = ConfigFormat.last(settings, prefix + SERVER);
            String quotedUrl = quote(r.url());
            if (server == null) {
                missing.add(new String[] {SERVER, quotedUrl});
                edit.wrote(prefix + SERVER, r.url(), SERVER + ": " + quotedUrl);
            } else if (!ConfigFormat.sameUrl(server.value(), r.url())) {
                replaceValue(edit, server, SERVER, quotedUrl, r.url());
                edit.note(Message.info(
                        policy.where() + ":" + server.line() + ": " + prefix + SERVER + " set to " + r.url()));
            }
            if (policy.writeAuth()) {
                mergeToken(edit, r, prefix + TOKEN, ConfigFormat.last(settings, prefix + TOKEN), policy, missing);
                if (!r.isScoped()
                        && !PUBLIC_HOSTS.contains(r.nerfDart())
                        && ConfigFormat.last(settings, ALWAYS_AUTH) == null) {
                    missing.add(new String[] {ALWAYS_AUTH, "true"});
                    edit.wrote(ALWAYS_AUTH, "true", ALWAYS_AUTH + ": true");
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            if (r.isScoped()) {
                addToScope(edit, settings, r.scopeName(), missing);
            } else {
                List<String> lines = new ArrayList<>();
                missing.forEach(m -> lines.add(m[0] + ": " + m[1]));
                edit.append(lines);
            }
        }
        return edit;
    }

    /**
     * The token of a registry only published to, as its {@code npmRegistries} entry: yarn 2+ looks a publish
     * registry's token up there, and a server line would move installs. The entry is keyed without the
     * scheme, which yarn matches for either scheme.
     */
    private static void mergePublishToken(Edit edit, List<Setting> settings, RegistrySpec r, MergePolicy policy)
            throws UneditableException {
        String entry = r.url().replaceFirst("^[a-z]+:", "").replaceFirst("/$", "");
        String ours = Placeholders.yarnBerry(r.tokenVariable());
        List<Setting> inEntry = settings.stream()
                .filter(s -> s.scope().startsWith(REGISTRIES + ".")
                        && sameRegistry(s.scope().substring(REGISTRIES.length() + 1), entry))
                .toList();
        Setting token = null;
        for (Setting s : inEntry) {
            if (s.name().equals(TOKEN) && s.scope().equals(inEntry.get(0).scope())) {
                token = s;
            }
        }
        List<String[]> missing = new ArrayList<>();
        String key = inEntry.isEmpty()
                ? REGISTRIES + "." + entry + "." + TOKEN
                : inEntry.get(0).scope() + "." + TOKEN;
        mergeToken(edit, r, key, token, policy, missing);
        if (missing.isEmpty()) {
            return;
        }
        if (!inEntry.isEmpty()) {
            String indent = blockIndent(edit.file(), inEntry.get(0));
            edit.insertAfter(lastLine(inEntry), List.of(indent + TOKEN + ": " + quote(ours)));
            return;
        }
        int header = findLine(edit.file(), REGISTRIES_HEADER);
        List<Setting> all = settings.stream()
                .filter(s -> s.scope().startsWith(REGISTRIES + "."))
                .toList();
        if (header == 0
                && (!all.isEmpty() || settings.stream().anyMatch(s -> s.key().equals(REGISTRIES)))) {
            throw new UneditableException(REGISTRIES + " is not in block style");
        }
        String unit = all.isEmpty() ? "  " : entryIndent(edit.file(), header);
        List<String> block = new ArrayList<>();
        block.add(unit + quote(entry) + ":");
        block.add(unit + unit + TOKEN + ": " + quote(ours));
        if (header > 0) {
            if (all.isEmpty()) {
                edit.touch(REGISTRIES);
            }
            edit.insertAfter(all.isEmpty() ? header : lastLine(all), block);
        } else {
            List<String> withHeader = new ArrayList<>();
            withHeader.add(REGISTRIES + ":");
            withHeader.addAll(block);
            edit.append(withHeader);
        }
    }

    /** Whether an {@code npmRegistries} key names the entry ({@code //host/path}), as yarn matches it. */
    private static boolean sameRegistry(String key, String entry) {
        String k = key.strip().replaceFirst("/$", "");
        return k.equals(entry) || k.replaceFirst("^[a-z]+:", "").equals(entry);
    }

    /** The indentation of the first entry under a block-style header. */
    private static String entryIndent(TextFile file, int header) throws UneditableException {
        for (int n = header + 1; n <= file.lineCount(); n++) {
            String line = file.line(n);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String indent =
                    line.substring(0, line.length() - line.stripLeading().length());
            if (!indent.isEmpty()) {
                return indent;
            }
            break;
        }
        throw new UneditableException(REGISTRIES + " is not in block style");
    }

    private static void mergeToken(
            Edit edit, RegistrySpec r, String key, Setting token, MergePolicy policy, List<String[]> missing)
            throws UneditableException {
        String ours = Placeholders.yarnBerry(r.tokenVariable());
        if (token == null) {
            missing.add(new String[] {TOKEN, quote(ours)});
            edit.wrote(key, ours, TOKEN + ": " + quote(ours));
            return;
        }
        String where = policy.where() + ":" + token.line();
        switch (ValueClassifier.classify(token.value(), Dialect.YARN_BERRY)) {
            case PLACEHOLDER -> {
                String variable = Placeholders.variableOf(token.value()).orElse(r.tokenVariable());
                if (Placeholders.isBerryWithoutFallback(token.value())) {
                    String safe = Placeholders.yarnBerry(variable);
                    replaceValue(edit, token, TOKEN, quote(safe), safe);
                    edit.note(Message.info(where + ": ${" + variable + "} changed to ${" + variable
                            + ":-}, since yarn 2+ aborts every command while the variable is unset"));
                } else if (!variable.equals(r.tokenVariable())) {
                    edit.note(Message.info(where + ": " + key + " keeps its placeholder for " + variable
                            + " (generate would name it " + r.tokenVariable() + ")"));
                }
            }
            case EMPTY, DUMMY, NOT_EXPANDED -> {
                replaceValue(edit, token, TOKEN, quote(ours), ours);
                edit.note(Message.info(where + ": " + key + " held no placeholder yarn expands; set to " + ours));
            }
            default -> throw new UneditableException(where + " holds a literal credential in " + key);
        }
    }

    /**
     * Adds settings under {@code npmScopes.<scope>}: into the scope's block when it exists, else a new
     * scope block at the end of {@code npmScopes}, else a new {@code npmScopes} at the end of the file.
     */
    private static void addToScope(Edit edit, List<Setting> settings, String scope, List<String[]> missing)
            throws UneditableException {
        String scopePath = SCOPES + "." + scope;
        List<Setting> inScope = settings.stream()
                .filter(s -> s.scope().equals(scopePath) || s.scope().startsWith(scopePath + "."))
                .toList();
        if (!inScope.isEmpty()) {
            Setting child = inScope.stream()
                    .filter(s -> s.scope().equals(scopePath))
                    .findFirst()
                    .orElseThrow(() -> new UneditableException(scopePath + " is not a plain mapping"));
            String indent = blockIndent(edit.file(), child);
            List<String> lines = new ArrayList<>();
            missing.forEach(m -> lines.add(indent + m[0] + ": " + m[1]));
            edit.insertAfter(lastLine(inScope), lines);
            return;
        }
        List<Setting> allScopes = settings.stream()
                .filter(s -> s.scope().startsWith(SCOPES + "."))
                .toList();
        List<String> block = new ArrayList<>();
        if (!allScopes.isEmpty()) {
            String unit = scopeIndent(edit.file(), allScopes.get(0));
            block.add(unit + scope + ":");
            missing.forEach(m -> block.add(unit + unit + m[0] + ": " + m[1]));
            edit.insertAfter(lastLine(allScopes), block);
            return;
        }
        block.add("  " + scope + ":");
        missing.forEach(m -> block.add("    " + m[0] + ": " + m[1]));
        int header = findLine(edit.file(), SCOPES_HEADER);
        if (header > 0) {
            // "npmScopes:" with nothing under it: its empty value becomes the mapping.
            edit.touch(SCOPES);
            edit.insertAfter(header, block);
        } else {
            List<String> withHeader = new ArrayList<>();
            withHeader.add(SCOPES + ":");
            withHeader.addAll(block);
            edit.append(withHeader);
        }
    }

    /** The indentation of a block-style key line, checked to really start with the setting's name. */
    private static String blockIndent(TextFile file, Setting s) throws UneditableException {
        Matcher m = keyLine(s.name()).matcher(file.line(s.line()));
        if (!m.matches()) {
            throw new UneditableException(SafeText.key(s.scope()) + " is not in block style at line " + s.line());
        }
        return m.group(1);
    }

    /**
     * The indentation unit of {@code npmScopes}, from the line that opens the scope of its first setting
     * ({@code npmScopes} itself is at column 0).
     */
    private static String scopeIndent(TextFile file, Setting first) throws UneditableException {
        String scope = first.scope().substring(SCOPES.length() + 1);
        int dot = scope.indexOf('.');
        String name = dot < 0 ? scope : scope.substring(0, dot);
        Pattern opener = Pattern.compile("(\\s+)(?:" + Pattern.quote(name) + "|\"" + Pattern.quote(name) + "\"|'"
                + Pattern.quote(name) + "')\\s*:\\s*(#.*)?");
        for (int n = first.line() - 1; n >= 1; n--) {
            Matcher m = opener.matcher(file.line(n));
            if (m.matches()) {
                return m.group(1);
            }
        }
        throw new UneditableException(SCOPES + " is not in block style");
    }

    private static void replaceValue(Edit edit, Setting s, String name, String written, String value)
            throws UneditableException {
        Matcher m = keyLine(name).matcher(edit.file().line(s.line()));
        if (!m.matches()) {
            throw new UneditableException("line " + s.line() + " is not a plain '" + name + ": value' line");
        }
        String line = m.group(1) + m.group(2) + ": " + written;
        edit.replace(s.line(), line, s.key(), value);
    }

    /** {@code <indent><name>: <rest>} with the name plain or quoted; group 1 the indent, 2 the key as written. */
    private static Pattern keyLine(String name) {
        String q = Pattern.quote(name);
        return Pattern.compile("(\\s*)(" + q + "|\"" + q + "\"|'" + q + "')\\s*:(?:\\s.*)?");
    }

    private static int lastLine(List<Setting> settings) {
        return settings.stream().mapToInt(Setting::line).max().orElse(0);
    }

    private static int findLine(TextFile file, Pattern pattern) {
        for (int n = 1; n <= file.lineCount(); n++) {
            if (pattern.matcher(file.line(n)).matches()) {
                return n;
            }
        }
        return 0;
    }

    /** A YAML double-quoted scalar; generated values hold no quote or backslash. */
    private static String quote(String value) {
        return "\"" + value + "\"";
    }
}
