package io.github.npmrcguard.generate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generated user config: an npm ini file under the module's build folder that npm, pnpm and yarn 1 read
 * through {@code NPM_CONFIG_USERCONFIG}, as actions/setup-node does. pnpm 10.34.2 and later expand a
 * placeholder token only from user config, never from a project {@code .npmrc}.
 *
 * <p>It holds the carried-over network settings of the developer's own user config, then per registry
 * the {@code registry=} line (none for a registry only published to) and the {@code //nerf/dart/:_authToken=${VAR}} line. The token line is left
 * out while its variable is unset or empty: npm would send the text {@code ${VAR}} as the token, yarn 1
 * would stop with "Failed to replace env in config", and pnpm before 10.34.2 would drop the whole file.
 * The file holds placeholders only, never a value.
 */
final class UserConfig {
    private UserConfig() {}

    /**
     * @param registries  in order; a later registry for an already-set key is skipped with a warning
     * @param inherited   what is carried over from the developer's own user config
     * @param environment to tell which token variables are set (their values are never read further)
     * @param requireTokens whether an unset token variable is an error (the CI preflight)
     */
    static byte[] render(
            List<RegistrySpec> registries,
            InheritedSettings.Carried inherited,
            Map<String, String> environment,
            boolean requireTokens,
            List<Message> messages,
            String where) {
        List<String> lines = new ArrayList<>();
        lines.add("# Written by npmrc-guard for NPM_CONFIG_USERCONFIG; rewritten on every build. Do not commit.");
        lines.add("# Tokens come from environment variables; this file holds placeholders only.");
        if (!inherited.lines().isEmpty()) {
            lines.add("# Carried over from your own user config (no credentials):");
            lines.addAll(inherited.lines());
        }
        for (RegistrySpec r : unique(registries, messages, where)) {
            if (!r.publishOnly()) {
                lines.add(r.registryKey() + "=" + r.url());
            }
            String value = environment.get(r.tokenVariable());
            if (value == null || value.isEmpty()) {
                lines.add("# " + r.tokenVariable() + " is not set: no token line for " + r.nerfDart());
                if (requireTokens) {
                    // The preflight: in CI the install would run without credentials and fail with 401 later.
                    messages.add(Message.error(where + ": " + r.tokenVariable()
                            + " is not set, but the install needs it"
                            + " for " + r.nerfDart() + "; set it in the CI job's secrets (npmrcguard.preflight=off"
                            + " turns this check off)"));
                } else if (inherited.credentialDarts().contains(r.nerfDart())) {
                    // The developer's own login for this registry is hidden by the generated file.
                    messages.add(Message.warning(where + ": " + r.tokenVariable() + " is not set, and this file hides"
                            + " the credentials your own user config has for " + r.nerfDart() + "; set "
                            + r.tokenVariable() + " to the token for that registry"));
                } else {
                    messages.add(Message.info(where + ": " + r.tokenVariable() + " is not set, so " + r.nerfDart()
                            + " gets no token line (requests to it go without credentials)"));
                }
            } else {
                lines.add(r.authKey() + "=" + Placeholders.npm(r.tokenVariable()));
            }
        }
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The keys the generated file sets, so carried-over lines do not repeat them. */
    static Set<String> keys(List<RegistrySpec> registries) {
        Set<String> keys = new LinkedHashSet<>();
        for (RegistrySpec r : registries) {
            if (!r.publishOnly()) {
                keys.add(r.registryKey());
            }
            keys.add(r.authKey());
        }
        return keys;
    }

    private static List<RegistrySpec> unique(List<RegistrySpec> registries, List<Message> messages, String where) {
        Map<String, RegistrySpec> byKey = new LinkedHashMap<>();
        for (RegistrySpec r : registries) {
            RegistrySpec earlier = byKey.putIfAbsent(r.publishOnly() ? r.authKey() : r.registryKey(), r);
            if (earlier != null && !earlier.equals(r)) {
                messages.add(Message.warning(where + ": frontends of one module want different settings for "
                        + r.registryKey() + "; using " + earlier.url() + " with " + earlier.tokenVariable()));
            }
        }
        return List.copyOf(byKey.values());
    }
}
