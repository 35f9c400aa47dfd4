package io.github.npmrcguard.clients;

import io.github.npmrcguard.testsupport.LocalRegistry;
import io.github.npmrcguard.testsupport.PackageManagers.Client;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a frontend project's registry config for one client: by hand today ({@link HandWrittenConfig}),
 * by the plugin's {@code generate} goal later. Whatever writes it, the real client must then install the
 * private package with the token in {@code NPM_TOKEN}, and no file may hold the token itself.
 */
@FunctionalInterface
public interface ConfigWriter {

    /**
     * Writes the config into {@code project}.
     *
     * @param project  the folder holding {@code package.json}
     * @param client   the client that will install
     * @param registry the registry to configure for the {@code @acme} scope and as default registry
     * @return variables the build would pass to the client besides {@code NPM_TOKEN}, e.g.
     *         {@code NPM_CONFIG_USERCONFIG} pointing at a generated user config (the project property
     *         the {@code generate} goal exposes); empty when the client finds the config by itself
     */
    Map<String, String> write(Path project, Client client, LocalRegistry registry) throws IOException;
}
