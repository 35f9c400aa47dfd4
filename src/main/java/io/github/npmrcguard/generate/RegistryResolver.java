package io.github.npmrcguard.generate;

import io.github.npmrcguard.parse.ParseException;
import io.github.npmrcguard.parse.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which registries a local prefix gets: the configured ones; else those its project file declares (the
 * client's own file first, then {@code .npmrc}); else the public npm registry. A file that declares a
 * registry the generator cannot use (say {@code registry=${REGISTRY_URL}}) still counts as declaring one,
 * so the public registry is never written over it.
 */
final class RegistryResolver {
    static final String CONFIGURED = "configuration";
    static final String DEFAULT = "default";

    /** The registries and where they came from. */
    record Resolved(List<RegistrySpec> registries, String source) {
        boolean configured() {
            return source.equals(CONFIGURED);
        }
    }

    private final List<RegistrySpec> configured;
    private final String defaultVariable;
    private final PathDisplay display;

    RegistryResolver(List<RegistrySpec> configured, String defaultVariable, PathDisplay display) {
        this.configured = List.copyOf(configured);
        this.defaultVariable = defaultVariable;
        this.display = display;
    }

    Resolved resolve(Path localPrefix, ConfigFormat projectFormat, List<Message> messages) {
        if (!configured.isEmpty()) {
            return new Resolved(configured, CONFIGURED);
        }
        List<ConfigFormat> formats = new ArrayList<>();
        formats.add(projectFormat);
        if (!(projectFormat instanceof NpmrcFormat)) {
            formats.add(new NpmrcFormat());
        }
        for (ConfigFormat format : formats) {
            Path file = localPrefix.resolve(format.fileName());
            if (!Files.isRegularFile(file) || Files.isSymbolicLink(file)) {
                continue;
            }
            List<Setting> settings;
            try {
                settings = format.parse(TextFile.decode(Files.readAllBytes(file)));
            } catch (IOException | UneditableException | ParseException e) {
                continue; // the file itself is reported when the generator gets to it
            }
            DeclaredRegistries declared = format.declared(settings, defaultVariable, display.of(file));
            messages.addAll(declared.messages());
            if (declared.anyDeclared()) {
                return new Resolved(declared.registries(), format.fileName());
            }
        }
        return new Resolved(List.of(RegistrySpec.npmjs(defaultVariable)), DEFAULT);
    }
}
