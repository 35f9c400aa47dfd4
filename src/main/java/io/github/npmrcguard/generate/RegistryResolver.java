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
 * client's own file first, then {@code .npmrc}); else none. A registry nobody declared gets nothing: no
 * registry line, which would override a contributor's mirror and the client's own default, and no token
 * line, since installing public packages needs none, and every form a client drops when unset is read by
 * another as a token or an error.
 */
final class RegistryResolver {
    static final String CONFIGURED = "configuration";
    static final String NONE = "none declared";

    /** The registries and where they came from. */
    record Resolved(List<RegistrySpec> registries, String source) {
        boolean configured() {
            return source.equals(CONFIGURED);
        }
    }

    private final List<RegistrySpec> configured;
    private final PathDisplay display;

    RegistryResolver(List<RegistrySpec> configured, PathDisplay display) {
        this.configured = List.copyOf(configured);
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
            DeclaredRegistries declared = format.declared(settings, display.of(file));
            messages.addAll(declared.messages());
            if (declared.anyDeclared()) {
                return new Resolved(declared.registries(), format.fileName());
            }
        }
        return new Resolved(List.of(), NONE);
    }
}
