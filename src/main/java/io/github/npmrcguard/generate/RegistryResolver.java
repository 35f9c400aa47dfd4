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
 * client's own file first, then {@code .npmrc}); else none. The {@code publishConfig.registry} of its
 * {@code package.json}, and of each workspace member's ({@link PublishTargets}), is declared too, unless one
 * of those has its token already: it gets a token but no registry line, since publishing somewhere must not
 * move installs there. A registry nobody
 * declared gets nothing: no registry line, which would override a contributor's mirror and the client's
 * own default, and no token line, since installing public packages needs none, and every form a client
 * drops when unset is read by another as a token or an error.
 */
final class RegistryResolver {
    static final String CONFIGURED = "configuration";
    static final String NONE = "none declared";
    static final String PUBLISH_CONFIG = "package.json publishConfig.registry";

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
        Resolved resolved = configured.isEmpty()
                ? fromFiles(localPrefix, projectFormat, messages)
                : new Resolved(configured, CONFIGURED);
        List<RegistrySpec> all = new ArrayList<>(resolved.registries());
        boolean added = false;
        for (RegistrySpec publish : publishRegistries(localPrefix, messages)) {
            if (all.stream().noneMatch(r -> r.authKey().equals(publish.authKey()))) {
                all.add(publish);
                added = true;
            }
        }
        if (!added) {
            return resolved;
        }
        String source = resolved.source().equals(NONE)
                ? PUBLISH_CONFIG
                : resolved.configured() ? CONFIGURED : resolved.source() + " and " + PUBLISH_CONFIG;
        return new Resolved(List.copyOf(all), source);
    }

    /**
     * The registries {@code publishConfig.registry} names, the local prefix's own and its workspace members',
     * each for its package's scope when it has one.
     */
    private List<RegistrySpec> publishRegistries(Path localPrefix, List<Message> messages) {
        List<RegistrySpec> out = new ArrayList<>();
        for (PublishTargets.Target t : PublishTargets.of(localPrefix)) {
            try {
                out.add(new RegistrySpec(t.registry(), scopeOrNone(t.scope()), null).forPublishing());
            } catch (IllegalArgumentException e) {
                messages.add(Message.warning(display.of(t.packageFolder().resolve(PackageJson.FILE_NAME))
                        + ": publishConfig.registry is not used by the generator: " + e.getMessage()));
            }
        }
        return out;
    }

    /** A scope the registry line would accept, else none (the token is per host either way). */
    private static String scopeOrNone(String scope) {
        try {
            return new RegistrySpec(RegistrySpec.NPMJS, scope, null).scope();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private Resolved fromFiles(Path localPrefix, ConfigFormat projectFormat, List<Message> messages) {
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
