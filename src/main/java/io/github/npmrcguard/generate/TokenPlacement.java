package io.github.npmrcguard.generate;

import io.github.npmrcguard.generate.PackageManager.Kind;
import io.github.npmrcguard.parse.Setting;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a registry token lives for each client, decided here once for {@code generate} ({@link Placement})
 * and {@code fix} alike. pnpm and yarn 1 get it in the generated user config, never as a placeholder in a
 * project {@code .npmrc}: yarn 1 stops every command with "Failed to replace env in config" while the
 * variable is unset, pnpm 10.34.2 and later ignore it, and pnpm before that drops the whole file when the
 * variable is unset. npm, yarn 2+ and bun read a placeholder from their project file.
 */
public final class TokenPlacement {
    private TokenPlacement() {}

    /** Whether this client's token belongs in the user config rather than in its project file. */
    public static boolean inUserConfig(PackageManager pm) {
        return pm.kind() == Kind.PNPM || pm.kind() == Kind.YARN_CLASSIC;
    }

    /**
     * The auth keys ({@code //host/path/:_authToken}) of the registries a project {@code .npmrc} declares
     * with a registry line: those whose token the generated user config carries.
     */
    public static Set<String> userConfigAuthKeys(List<Setting> npmrc) {
        Set<String> keys = new LinkedHashSet<>();
        for (RegistrySpec r : new NpmrcFormat().declared(npmrc, ".npmrc").registries()) {
            keys.add(r.authKey());
        }
        return keys;
    }

    /**
     * The token keys ({@code //host/path/:_authToken}) of a project {@code .npmrc} whose registry it declares no
     * registry line for (the public registry, which needs none, or one set elsewhere), each with the
     * {@link TokenMarker} comment that takes the line's place when its token moves to the user config: the
     * comment is what tells the next {@code generate} that the registry needs a token. Only keys the user
     * config would carry exactly as written are given one.
     */
    public static Map<String, String> userConfigMarkedKeys(List<Setting> npmrc) {
        Set<String> declared = userConfigAuthKeys(npmrc);
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting s : npmrc) {
            if (!s.name().equals("_authToken")
                    || !s.scope().startsWith("//")
                    || !s.section().isEmpty()
                    || declared.contains(s.key())) {
                continue;
            }
            try {
                RegistrySpec spec = new RegistrySpec("https:" + s.scope(), "", null);
                if (spec.authKey().equals(s.key()) && spec.nerfDart().equals(s.scope())) {
                    out.put(s.key(), TokenMarker.line(s.scope()));
                }
            } catch (IllegalArgumentException e) {
                continue; // no registry the generator could name: left for the user
            }
        }
        return out;
    }

    /**
     * Writes the user config of one module the way {@code generate} does, and no project file.
     *
     * @return the run's result: the user config's {@link FileChange} and its messages
     */
    public static GenerationResult writeUserConfig(ModuleInput module, GeneratorOptions options) {
        return new Generator(options).run(List.of(module), false);
    }
}
