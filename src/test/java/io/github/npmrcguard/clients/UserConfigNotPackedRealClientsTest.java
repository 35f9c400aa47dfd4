package io.github.npmrcguard.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.generate.ModuleInput;
import io.github.npmrcguard.testsupport.PackageManagers;
import io.github.npmrcguard.testsupport.PackageManagers.Client;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The user config generate writes under a frontend's {@code target/} is not packed into the package when the
 * frontend folder is the module folder: every client leaves a file named {@code .npmrc} out of a tarball (it
 * packed one named {@code npmrc}), whatever the repository's {@code .gitignore} says, which the clients do not
 * read above the package.
 */
class UserConfigNotPackedRealClientsTest {
    static PackageManagers clients;

    @BeforeAll
    static void clients() {
        clients = PackageManagers.defaults();
    }

    @ParameterizedTest
    @EnumSource(
            value = Client.class,
            names = {"NPM", "PNPM_9", "PNPM_10", "YARN_1", "BUN"})
    void theGeneratedUserConfigStaysOutOfThePackage(Client client, @TempDir Path tmp) throws Exception {
        Path project = Files.createDirectory(tmp.resolve("web"));
        Files.writeString(project.resolve("package.json"), "{\"name\": \"web\", \"version\": \"1.0.0\"}\n");
        Files.writeString(project.resolve("index.js"), "module.exports = 1;\n");
        Path userConfig = ModuleInput.of(project).userConfigFile();
        Files.createDirectories(userConfig.getParent());
        Files.writeString(userConfig, "//npm.acme.example/:_authToken=${NPM_ACME_EXAMPLE_TOKEN}\n");

        List<String> pack =
                switch (client) {
                    case BUN -> List.of("pm", "pack");
                    case YARN_1 -> List.of("pack", "--filename", "web-1.0.0.tgz");
                    default -> List.of("pack");
                };
        PackageManagers.Result packed = clients.run(client, project, pack.toArray(String[]::new))
                .home(tmp.resolve("home"))
                .run();
        assertEquals(0, packed.exitCode(), packed.describe());
        List<String> entries = entries(project.resolve("web-1.0.0.tgz"));
        assertTrue(entries.contains("package/index.js"), client + " packed " + entries);
        assertTrue(
                entries.stream().noneMatch(e -> e.endsWith("npmrc")),
                client.label() + " packed the user config: " + entries);
    }

    /** The file names in a gzipped tar, read by hand: 512-byte headers, the name first, the size in octal. */
    private static List<String> entries(Path tgz) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = new String(header, 0, 100, StandardCharsets.UTF_8).replace("\0", "");
                String size = new String(header, 124, 12, StandardCharsets.US_ASCII)
                        .replace("\0", "")
                        .trim();
                long bytes = size.isEmpty() ? 0 : Long.parseLong(size, 8);
                names.add(name);
                in.skipNBytes((bytes + 511) / 512 * 512);
            }
        }
        return names;
    }
}
