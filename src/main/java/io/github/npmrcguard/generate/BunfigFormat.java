package io.github.npmrcguard.generate;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.BunfigTomlParser;
import io.github.npmrcguard.parse.ParseException;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.rules.Dialect;
import io.github.npmrcguard.rules.SafeText;
import io.github.npmrcguard.rules.ValueClassifier;
import io.github.npmrcguard.rules.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bun's {@code bunfig.toml}: the default registry is {@code [install] registry = { url, token }}, a scoped
 * one {@code [install.scopes] <scope> = { url, token }}. The token is {@code "$VAR"}: bun expands only that
 * form in this file and sends {@code ${VAR}} as typed (research note 2.5).
 *
 * <p>A registry given as a plain string is turned into the inline table; a table given as
 * {@code [install.scopes.acme]} with {@code url = ...} lines is edited line by line. A registry configured
 * with username and password is left to the user.
 */
final class BunfigFormat implements ConfigFormat {
    static final String FILE_NAME = "bunfig.toml";
    private static final String REGISTRY = "install.registry";
    private static final String SCOPES = "install.scopes";
    private static final Pattern INSTALL_HEADER = Pattern.compile("\\s*\\[\\s*install\\s*]\\s*(#.*)?");
    private static final Pattern SCOPES_HEADER = Pattern.compile("\\s*\\[\\s*install\\s*\\.\\s*scopes\\s*]\\s*(#.*)?");
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    @Override
    public FileKind kind() {
        return FileKind.BUNFIG_TOML;
    }

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public List<Setting> parse(TextFile file) throws ParseException {
        return new BunfigTomlParser().parse(file.text());
    }

    @Override
    public DeclaredRegistries declared(List<Setting> settings, String where) {
        List<RegistrySpec> found = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        boolean any = false;
        for (Setting s : settings) {
            String base;
            String scope;
            if (s.key().equals(REGISTRY) || s.key().equals(REGISTRY + ".url")) {
                base = REGISTRY;
                scope = "";
            } else if (s.scope().equals(SCOPES)
                    || (s.name().equals("url") && s.scope().startsWith(SCOPES + "."))) {
                base = s.scope().equals(SCOPES) ? s.key() : s.scope();
                scope = "@" + stripAt(base.substring(SCOPES.length() + 1));
            } else {
                continue;
            }
            any = true;
            if (ConfigFormat.last(settings, s.key()) != s) {
                continue;
            }
            try {
                RegistrySpec spec = new RegistrySpec(s.value(), scope, null);
                Setting token = ConfigFormat.last(settings, base + ".token");
                found.add(spec.withTokenVariable(existingVariable(token).orElse(spec.tokenVariable())));
            } catch (IllegalArgumentException e) {
                messages.add(Message.warning(where + ":" + s.line() + ": " + SafeText.key(s.key())
                        + " is not used by the generator: "
                        + e.getMessage()));
            }
        }
        return new DeclaredRegistries(found, any, messages);
    }

    private static String stripAt(String scope) {
        return scope.startsWith("@") ? scope.substring(1) : scope;
    }

    private static Optional<String> existingVariable(Setting token) {
        if (token == null || ValueClassifier.classify(token.value(), Dialect.BUN) != ValueKind.PLACEHOLDER) {
            return Optional.empty();
        }
        return Placeholders.variableOf(token.value());
    }

    @Override
    public Edit merge(TextFile file, List<RegistrySpec> registries, MergePolicy policy)
            throws UneditableException, ParseException {
        Edit edit = new Edit(file);
        for (RegistrySpec r : registries) {
            if (r.publishOnly()) {
                // bunfig.toml ties a token to the registry installs use; the generator puts this one in .npmrc.
                continue;
            }
            mergeOne(edit, parse(edit.file()), r, policy);
        }
        return edit;
    }

    private void mergeOne(Edit edit, List<Setting> settings, RegistrySpec r, MergePolicy policy)
            throws UneditableException {
        List<String> bases =
                r.isScoped() ? List.of(SCOPES + "." + r.scopeName(), SCOPES + ".@" + r.scopeName()) : List.of(REGISTRY);
        String base = bases.stream()
                .filter(b -> settings.stream()
                        .anyMatch(s -> s.key().equals(b) || s.key().startsWith(b + ".")))
                .findFirst()
                .orElse(null);
        String token = Placeholders.bun(r.tokenVariable());
        if (base == null) {
            addNew(edit, r, token);
            return;
        }
        String keyText = keyText(base);
        Setting plain = ConfigFormat.last(settings, base);
        Setting url = ConfigFormat.last(settings, base + ".url");
        Setting existingToken = ConfigFormat.last(settings, base + ".token");
        String where = policy.where();
        if (plain != null) {
            // registry = "https://..." carries no token: it becomes the inline table.
            Matcher m = Pattern.compile("(\\s*)(" + keyText + ")\\s*=\\s*\"[^\"]*\"\\s*(#.*)?")
                    .matcher(edit.file().line(plain.line()));
            if (!m.matches()) {
                throw new UneditableException("line " + plain.line() + " is not a plain '" + base + " = \"url\"' line");
            }
            edit.touch(base);
            replaceInline(edit, plain.line(), m.group(1) + m.group(2), base, r.url(), token);
            edit.note(Message.info(
                    where + ":" + plain.line() + ": " + base + " now carries its token placeholder " + token));
            return;
        }
        if (url == null) {
            throw new UneditableException(base + " has no url");
        }
        if (settings.stream()
                .anyMatch(s -> s.key().equals(base + ".password") || s.key().equals(base + ".username"))) {
            if (!ConfigFormat.sameUrl(url.value(), r.url())) {
                throw new UneditableException(base + " uses username and password");
            }
            edit.note(Message.info(
                    where + ":" + url.line() + ": " + base + " uses username and password; left as it is"));
            return;
        }
        String tokenValue = tokenToKeep(existingToken, r, where, edit).orElse(token);
        boolean sameUrl = ConfigFormat.sameUrl(url.value(), r.url());
        String urlLine = edit.file().line(url.line());
        Matcher tableUrl = Pattern.compile("(\\s*)url\\s*=.*").matcher(urlLine);
        if (tableUrl.matches()) {
            // [install.scopes.acme] / [install.registry] with one key per line.
            String indent = tableUrl.group(1);
            if (!sameUrl) {
                edit.replace(url.line(), indent + "url = " + quote(r.url()), base + ".url", r.url());
            }
            if (existingToken == null) {
                String line = indent + "token = " + quote(tokenValue);
                edit.insertAfter(url.line(), List.of(line));
                edit.wrote(base + ".token", tokenValue, line);
            } else if (!existingToken.value().equals(tokenValue)) {
                Matcher t = Pattern.compile("(\\s*)token\\s*=.*")
                        .matcher(edit.file().line(existingToken.line()));
                if (!t.matches()) {
                    throw new UneditableException(
                            "line " + existingToken.line() + " is not a plain 'token = ...' line");
                }
                edit.replace(
                        existingToken.line(), t.group(1) + "token = " + quote(tokenValue), base + ".token", tokenValue);
            }
            return;
        }
        Matcher inline = Pattern.compile("(\\s*)(" + keyText + ")\\s*=\\s*\\{.*}\\s*(#.*)?")
                .matcher(urlLine);
        boolean onlyUrlAndToken = settings.stream()
                .filter(s -> s.key().startsWith(base + "."))
                .allMatch(s -> s.key().equals(base + ".url") || s.key().equals(base + ".token"));
        if (!inline.matches() || !onlyUrlAndToken || (existingToken != null && existingToken.line() != url.line())) {
            throw new UneditableException(base + " at line " + url.line() + " is not a one-line { url, token } table");
        }
        if (sameUrl && existingToken != null && existingToken.value().equals(tokenValue)) {
            return;
        }
        edit.touch(base + ".url");
        edit.touch(base + ".token");
        replaceInline(edit, url.line(), inline.group(1) + inline.group(2), base, r.url(), tokenValue);
    }

    /** An existing token to keep (a correct placeholder, whatever its variable), else empty to write ours. */
    private static Optional<String> tokenToKeep(Setting existing, RegistrySpec r, String where, Edit edit)
            throws UneditableException {
        if (existing == null) {
            return Optional.empty();
        }
        ValueKind kind = ValueClassifier.classify(existing.value(), Dialect.BUN);
        switch (kind) {
            case PLACEHOLDER -> {
                String variable = Placeholders.variableOf(existing.value()).orElse(r.tokenVariable());
                if (!variable.equals(r.tokenVariable())) {
                    edit.note(Message.info(where + ":" + existing.line() + ": " + SafeText.key(existing.key())
                            + " keeps its placeholder $" + variable + " (generate would name it " + r.tokenVariable()
                            + ")"));
                }
                return Optional.of(existing.value().strip());
            }
            case EMPTY, DUMMY, NOT_EXPANDED -> {
                edit.note(Message.info(where + ":" + existing.line() + ": " + SafeText.key(existing.key())
                        + " held no placeholder bun expands; set to " + Placeholders.bun(r.tokenVariable())));
                return Optional.empty();
            }
            default ->
                throw new UneditableException(where + ":" + existing.line() + " holds a literal credential in "
                        + SafeText.key(existing.key()));
        }
    }

    private static void replaceInline(Edit edit, int line, String prefix, String base, String url, String token) {
        String text = prefix + " = { url = " + quote(url) + ", token = " + quote(token) + " }";
        edit.replace(line, text, base + ".url", url);
        edit.wrote(base + ".token", token, text);
    }

    /** A registry the file does not mention yet: under its table header, or a new table at the end. */
    private static void addNew(Edit edit, RegistrySpec r, String token) {
        String key = r.isScoped() ? tomlKey(r.scopeName()) : "registry";
        String base = r.isScoped() ? SCOPES + "." + r.scopeName() : REGISTRY;
        String line = key + " = { url = " + quote(r.url()) + ", token = " + quote(token) + " }";
        edit.wrote(base + ".url", r.url(), line);
        edit.wrote(base + ".token", token, line);
        Pattern header = r.isScoped() ? SCOPES_HEADER : INSTALL_HEADER;
        for (int n = 1; n <= edit.file().lineCount(); n++) {
            if (header.matcher(edit.file().line(n)).matches()) {
                edit.insertAfter(n, List.of(line));
                return;
            }
        }
        List<String> lines = new ArrayList<>();
        TextFile file = edit.file();
        if (file.lineCount() > 0 && !file.line(file.lineCount()).isBlank()) {
            lines.add("");
        }
        lines.add(r.isScoped() ? "[install.scopes]" : "[install]");
        lines.add(line);
        edit.append(lines);
    }

    /** The regex for a table key as it may be written: bare, or in double or single quotes. */
    private static String keyText(String base) {
        String last = base.equals(REGISTRY) ? "registry" : base.substring(SCOPES.length() + 1);
        String q = Pattern.quote(last);
        return q + "|\"" + q + "\"|'" + q + "'";
    }

    private static String tomlKey(String name) {
        return BARE_KEY.matcher(name).matches() ? name : "\"" + name + "\"";
    }

    /** A TOML basic string; generated values hold no quote or backslash. */
    private static String quote(String value) {
        return "\"" + value + "\"";
    }
}
