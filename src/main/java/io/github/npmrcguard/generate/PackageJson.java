package io.github.npmrcguard.generate;

import io.github.npmrcguard.parse.Json;
import io.github.npmrcguard.parse.ParseException;
import io.github.npmrcguard.parse.TextDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a {@code package.json} the generator reads: {@code workspaces} (npm's array, or yarn's
 * {@code {"packages": [...]}}), {@code packageManager} (corepack's {@code name@version}), {@code name} and
 * {@code publishConfig.registry}.
 *
 * @param workspaces      the workspace globs, empty when there are none
 * @param packageManager  the {@code packageManager} value, or empty
 * @param name            the package name, or empty
 * @param publishRegistry {@code publishConfig.registry}, or empty
 */
record PackageJson(List<String> workspaces, String packageManager, String name, String publishRegistry) {
    static final String FILE_NAME = "package.json";

    /** Files larger than this are not read: a real package.json is a few KiB. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    /**
     * Reads the {@code package.json} in a folder.
     *
     * @return the fields, or empty when the folder has no such file
     * @throws UneditableException when the file exists but is not JSON that npm would read
     */
    static Optional<PackageJson> read(Path folder) throws UneditableException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UneditableException("it is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
            }
            String text = new TextDecoder().decode(Files.readAllBytes(file)).text();
            Object root = Json.parse(text).orElse(null);
            if (!(root instanceof Map<?, ?> map)) {
                throw new UneditableException("it is not a JSON object");
            }
            Object publishConfig = map.get("publishConfig");
            return Optional.of(new PackageJson(
                    workspaces(map.get("workspaces")),
                    string(map.get("packageManager")),
                    string(map.get("name")),
                    publishConfig instanceof Map<?, ?> p ? string(p.get("registry")) : ""));
        } catch (ParseException e) {
            throw new UneditableException("it is not valid JSON");
        } catch (IOException e) {
            throw new UneditableException(
                    "it could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String string(Object value) {
        return value instanceof String s ? s.strip() : "";
    }

    /** The scope of a scoped package name ({@code @acme} of {@code @acme/x}), or empty. */
    String scope() {
        int slash = name.indexOf('/');
        return name.startsWith("@") && slash > 1 ? name.substring(0, slash) : "";
    }

    private static List<String> workspaces(Object value) {
        if (value instanceof Map<?, ?> map) {
            value = map.get("packages");
        }
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s && !s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return List.copyOf(out);
    }
}
