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
 * move installs there. So is a registry a {@link TokenMarker} comment in its {@code .npmrc} names (what
 * {@code fix} leaves where it took such a token out). A registry nobody
 * declared gets nothing: no registry line, which would override a contributor's mirror and the client's
 * own default, and no token line, since installing public packages needs none, and every form a client
 * drops when unset is read by another as a token or an error.
 */
final class RegistryResolver {
    static final String CONFIGURED = "configuration";
    static final String NONE = "none declared";
    static final String PUBLISH_CONFIG = "package.json publishConfig.registry";
    static final String TOKEN_MARKER = ".npmrc npmrc-guard:token comment";

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
        List<String> sources = new ArrayList<>();
        if (addTokenOnly(all, markedRegistries(localPrefix, messages))) {
            sources.add(TOKEN_MARKER);
        }
        if (addTokenOnly(all, publishRegistries(localPrefix, messages))) {
            sources.add(PUBLISH_CONFIG);
        }
        if (sources.isEmpty()) {
            return resolved;
        }
        if (!resolved.source().equals(NONE)) {
            sources.add(0, resolved.source());
        }
        return new Resolved(List.copyOf(all), resolved.configured() ? CONFIGURED : String.join(" and ", sources));
    }

    /** Adds the registries whose token key is not there yet; whether any was. */
    private static boolean addTokenOnly(List<RegistrySpec> all, List<RegistrySpec> more) {
        boolean added = false;
        for (RegistrySpec r : more) {
            if (all.stream().noneMatch(a -> a.authKey().equals(r.authKey()))) {
                all.add(r);
                added = true;
            }
        }
        return added;
    }

    /** The registries the {@link TokenMarker} comments of the local prefix's {@code .npmrc} name. */
    private List<RegistrySpec> markedRegistries(Path localPrefix, List<Message> messages) {
        Path file = localPrefix.resolve(NpmrcFormat.FILE_NAME);
        if (!Files.isRegularFile(file) || Files.isSymbolicLink(file)) {
            return List.of();
        }
        List<String> darts;
        try {
            darts = TokenMarker.nerfDarts(
                    TextFile.decode(Files.readAllBytes(file)).text());
        } catch (IOException | UneditableException e) {
            return List.of(); // the file itself is reported when the generator gets to it
        }
        List<RegistrySpec> out = new ArrayList<>();
        for (String dart : darts) {
            try {
                // The scheme is no part of the token key; the registry line, which would need it, is not written.
                out.add(new RegistrySpec("https:" + dart, "", null).forPublishing());
            } catch (IllegalArgumentException e) {
                messages.add(Message.warning(display.of(file) + ": the npmrc-guard:token comment is not used by the"
                        + " generator: " + e.getMessage()));
            }
        }
        return out;
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
