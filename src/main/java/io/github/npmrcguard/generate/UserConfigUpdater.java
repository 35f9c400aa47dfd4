package io.github.npmrcguard.generate;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.write.AtomicWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one module's user config under its build folder. It is written in CI too: the build folder is
 * ignored by git, and the frontend build needs the file. A dry run only reports it.
 */
final class UserConfigUpdater {
    private static final String USERCONFIG_VARIABLE = "npm_config_userconfig";

    private final GeneratorOptions options;
    private final PathDisplay display;
    private final AtomicWriter writer = new AtomicWriter();

    UserConfigUpdater(GeneratorOptions options, PathDisplay display) {
        this.options = options;
        this.display = display;
    }

    /** Writes the module's user config; what is noted goes both into {@code messages} and onto the outcome. */
    FileChange update(ModuleInput module, List<RegistrySpec> registries, List<Message> messages) {
        List<Message> own = new ArrayList<>();
        FileChange change = updateFile(module, registries, own);
        messages.addAll(own);
        return change.withMessages(own);
    }

    private FileChange updateFile(ModuleInput module, List<RegistrySpec> registries, List<Message> messages) {
        Path target = module.userConfigFile();
        String shown = display.of(target);
        InheritedSettings.Carried carried =
                InheritedSettings.read(sourceUserConfig(target), UserConfig.keys(registries), messages, display);
        byte[] bytes =
                UserConfig.render(registries, carried, options.environment(), options.requireTokens(), messages, shown);
        try {
            boolean exists = Files.isRegularFile(target);
            byte[] old = exists ? Files.readAllBytes(target) : new byte[0];
            if (exists && Arrays.equals(old, bytes)) {
                return FileChange.of(target, shown, FileChange.Role.USER_CONFIG, FileAction.UNCHANGED, "");
            }
            String diff = diff(target, shown, exists, old, bytes);
            if (options.dryRun()) {
                return FileChange.of(target, shown, FileChange.Role.USER_CONFIG, FileAction.DRY_RUN, diff);
            }
            Files.createDirectories(target.getParent());
            writer.write(target, bytes, true);
            return FileChange.of(
                    target, shown, FileChange.Role.USER_CONFIG, exists ? FileAction.UPDATED : FileAction.CREATED, diff);
        } catch (IOException e) {
            messages.add(Message.error(
                    shown + " could not be written (" + e.getClass().getSimpleName() + ")"));
            return FileChange.of(target, shown, FileChange.Role.USER_CONFIG, FileAction.REFUSED, "");
        }
    }

    /**
     * The user config npm would read without the generator: {@code NPM_CONFIG_USERCONFIG} when set (setup-node
     * sets it), else {@code ~/.npmrc}. Never the generated file itself.
     */
    private Path sourceUserConfig(Path target) {
        for (Map.Entry<String, String> e : options.environment().entrySet()) {
            // npm reads npm_config_* variables whatever their case.
            if (e.getKey().equalsIgnoreCase(USERCONFIG_VARIABLE)
                    && !e.getValue().isBlank()) {
                Path configured = Path.of(e.getValue().strip()).toAbsolutePath().normalize();
                if (!configured.equals(target.toAbsolutePath().normalize())) {
                    return configured;
                }
            }
        }
        return options.homeDirectory().resolve(".npmrc");
    }

    private static String diff(Path target, String shown, boolean exists, byte[] old, byte[] bytes) {
        Set<String> hidden = new HashSet<>();
        List<String> before = List.of();
        if (exists) {
            try {
                TextFile previous = TextFile.decode(old);
                // An earlier file is ours too, but someone may have edited it: never show a credential line.
                LiteralGuard.Verdict verdict = LiteralGuard.check(shown, target, FileKind.NPMRC, old);
                for (int line : verdict.credentialLines()) {
                    hidden.add(previous.line(line));
                }
                for (Finding f : verdict.errors()) {
                    hidden.add(previous.line(f.line()));
                }
                before = previous.lineTexts();
            } catch (UneditableException | IndexOutOfBoundsException e) {
                return "";
            }
        }
        try {
            return UnifiedDiff.of(shown, !exists, before, TextFile.decode(bytes).lineTexts(), hidden);
        } catch (UneditableException e) {
            return "";
        }
    }
}
