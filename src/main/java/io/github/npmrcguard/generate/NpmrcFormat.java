package io.github.npmrcguard.generate;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.generate.PackageManager.Kind;
import io.github.npmrcguard.parse.NpmIniParser;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.rules.Dialect;
import io.github.npmrcguard.rules.SafeText;
import io.github.npmrcguard.rules.ValueClassifier;
import io.github.npmrcguard.rules.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A project {@code .npmrc}, read by npm, pnpm, yarn 1 and bun. Per registry it holds the {@code registry=}
 * or {@code @scope:registry=} line (none for a registry only published to) and, unless the policy puts the token in the user config, the
 * {@code //nerf/dart/:_authToken=${VAR}} line.
 *
 * <p>Missing lines go at the end, or before the first {@code [section]} if there is one, since npm ignores
 * every key after a section header.
 */
final class NpmrcFormat implements ConfigFormat {
    static final String FILE_NAME = ".npmrc";

    @Override
    public FileKind kind() {
        return FileKind.NPMRC;
    }

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public List<Setting> parse(TextFile file) {
        // npm keeps a byte order mark as U+FEFF; the parser models what that does to the first line.
        return new NpmIniParser().parse(file.hasBom() ? "\uFEFF" + file.text() : file.text());
    }

    @Override
    public DeclaredRegistries declared(List<Setting> settings, String where) {
        List<RegistrySpec> found = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        boolean any = false;
        for (Setting s : settings) {
            boolean registryKey = s.name().equals("registry")
                    && (s.scope().isEmpty() || s.scope().startsWith("@"));
            if (!registryKey || !s.section().isEmpty() || seen.contains(s.key())) {
                continue;
            }
            any = true;
            Setting last = ConfigFormat.last(settings, s.key());
            seen.add(s.key());
            try {
                RegistrySpec spec = new RegistrySpec(last.value(), s.scope(), null);
                Setting auth = ConfigFormat.last(settings, spec.authKey());
                found.add(spec.withTokenVariable(existingVariable(auth).orElse(spec.tokenVariable())));
            } catch (IllegalArgumentException e) {
                messages.add(Message.warning(where + ":" + last.line() + ": " + SafeText.key(s.key())
                        + " is not used by the generator: "
                        + e.getMessage()));
            }
        }
        return new DeclaredRegistries(found, any, messages);
    }

    private static Optional<String> existingVariable(Setting auth) {
        if (auth == null || ValueClassifier.classify(auth.value(), Dialect.NPM) != ValueKind.PLACEHOLDER) {
            return Optional.empty();
        }
        return Placeholders.variableOf(auth.value());
    }

    @Override
    public Edit merge(TextFile file, List<RegistrySpec> registries, MergePolicy policy) throws UneditableException {
        Edit edit = new Edit(file);
        for (RegistrySpec r : registries) {
            List<Setting> settings = parse(edit.file());
            List<String> missing = new ArrayList<>();
            Setting registry = ConfigFormat.last(settings, r.registryKey());
            String registryLine = r.registryKey() + "=" + r.url();
            if (r.publishOnly()) {
                // Its token only: a registry line would send installs to the registry packages are published to.
            } else if (registry == null) {
                missing.add(registryLine);
                edit.wrote(r.registryKey(), r.url(), registryLine);
            } else if (!ConfigFormat.sameUrl(registry.value(), r.url())) {
                edit.replace(registry.line(), registryLine, r.registryKey(), r.url());
                edit.note(Message.info(
                        policy.where() + ":" + registry.line() + ": " + r.registryKey() + " set to " + r.url()));
            }
            Setting auth = ConfigFormat.last(settings, r.authKey());
            if (policy.writeAuth()) {
                mergeAuth(edit, r, auth, policy, missing);
            } else if (auth != null) {
                edit.note(Message.info(policy.where() + ":" + auth.line() + ": " + r.authKey() + " left as it is; "
                        + (policy.packageManager().kind() == Kind.YARN_CLASSIC
                                ? "yarn 1 stops with 'Failed to replace env in config' while its variable is unset, so the"
                                        + " generator puts the token in the user config instead"
                                : "pnpm 10.34.2 and later ignore a placeholder token in a project .npmrc, so the token is"
                                        + " in the user config")));
            }
            if (!missing.isEmpty()) {
                int section = firstSectionLine(edit.file());
                if (section > 0) {
                    edit.insertAfter(section - 1, missing);
                } else {
                    edit.append(missing);
                }
            }
        }
        return edit;
    }

    private static void mergeAuth(Edit edit, RegistrySpec r, Setting auth, MergePolicy policy, List<String> missing)
            throws UneditableException {
        String ours = r.authKey() + "=" + Placeholders.npm(r.tokenVariable());
        if (auth == null) {
            missing.add(ours);
            edit.wrote(r.authKey(), Placeholders.npm(r.tokenVariable()), ours);
            return;
        }
        String where = policy.where() + ":" + auth.line();
        switch (ValueClassifier.classify(auth.value(), Dialect.NPM)) {
            case PLACEHOLDER -> {
                String variable = Placeholders.variableOf(auth.value()).orElse(r.tokenVariable());
                if (Placeholders.isOptionalNpmForm(auth.value())
                        && policy.packageManager().kind() == Kind.PNPM) {
                    // pnpm before 11.28 drops the whole file over ${VAR?}, registry lines included.
                    String line = r.authKey() + "=" + Placeholders.npm(variable);
                    edit.replace(auth.line(), line, r.authKey(), Placeholders.npm(variable));
                    edit.note(Message.info(where + ": ${" + variable + "?} changed to ${" + variable
                            + "}, since pnpm before 11.28 drops the whole file over the '?' form"));
                } else if (!variable.equals(r.tokenVariable())) {
                    edit.note(Message.info(where + ": " + r.authKey() + " keeps its placeholder ${" + variable
                            + "} (generate would name it " + r.tokenVariable() + ")"));
                }
            }
            case EMPTY, DUMMY, NOT_EXPANDED -> {
                edit.replace(auth.line(), ours, r.authKey(), Placeholders.npm(r.tokenVariable()));
                edit.note(Message.info(where + ": " + r.authKey() + " held no placeholder npm expands; set to "
                        + Placeholders.npm(r.tokenVariable())));
            }
            default -> throw new UneditableException(where + " holds a literal credential in " + r.authKey());
        }
    }

    /** The 1-based line of the first {@code [section]} header (ini's {@code ^\[[^\]]*\]\s*$}), or 0. */
    static int firstSectionLine(TextFile file) {
        for (int n = 1; n <= file.lineCount(); n++) {
            String line = file.line(n);
            if (!line.startsWith("[")) {
                continue;
            }
            int close = line.indexOf(']');
            if (close > 0 && line.substring(close + 1).isBlank()) {
                return n;
            }
        }
        return 0;
    }
}
