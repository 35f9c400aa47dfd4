package io.github.npmrcguard.generate;

import java.nio.file.Path;
import java.util.List;

/**
 * One frontend the generator found, and what it decided for it.
 *
 * @param moduleDirectory the Maven module it belongs to
 * @param folder          the folder holding its {@code package.json}
 * @param localPrefix     where npm reads its project config: the folder, or its workspace root
 * @param packageManager  the detected client
 * @param registries      the registries configured for it
 * @param registrySource  where they came from: {@code configuration}, a file name, or {@code none declared}
 */
public record FrontendReport(
        Path moduleDirectory,
        Path folder,
        Path localPrefix,
        PackageManager packageManager,
        List<RegistrySpec> registries,
        String registrySource) {
    public FrontendReport {
        registries = List.copyOf(registries);
    }
}
