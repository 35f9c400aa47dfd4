package io.github.npmrcguard.generate;

import io.github.npmrcguard.generate.PackageManager.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Tells which package manager a frontend uses, as corepack and the clients themselves would: the
 * {@code packageManager} field of {@code package.json} first, then the lockfile, then a {@code .yarnrc.yml},
 * else npm. Lockfiles are tried pnpm, bun, yarn, npm: a stale {@code package-lock.json} is the most common
 * leftover, and bun can write a {@code yarn.lock} beside its own.
 */
final class PackageManagerDetector {
    /** Enough of a yarn.lock to see its header. */
    private static final int HEADER_BYTES = 2048;

    private final PathDisplay display;

    PackageManagerDetector(PathDisplay display) {
        this.display = display;
    }

    /**
     * @param localPrefix    the folder the config goes to (a workspace root holds the lockfile)
     * @param frontendFolder the folder holding the frontend's own package.json
     */
    PackageManager detect(Path localPrefix, Path frontendFolder, List<Message> messages) {
        for (Path folder :
                localPrefix.equals(frontendFolder) ? List.of(localPrefix) : List.of(localPrefix, frontendFolder)) {
            Optional<PackageManager> declared = fromPackageManagerField(folder, messages);
            if (declared.isPresent()) {
                return declared.get();
            }
        }
        return fromFiles(localPrefix);
    }

    private Optional<PackageManager> fromPackageManagerField(Path folder, List<Message> messages) {
        String field;
        try {
            Optional<PackageJson> json = PackageJson.read(folder);
            field = json.isPresent() ? json.get().packageManager() : "";
        } catch (UneditableException e) {
            return Optional.empty(); // the locator already said the package.json is unreadable
        }
        if (field.isEmpty()) {
            return Optional.empty();
        }
        int at = field.indexOf('@', 1);
        String name = at < 0 ? field : field.substring(0, at);
        String version = at < 0 ? "" : field.substring(at + 1);
        int hash = version.indexOf('+');
        if (hash >= 0) {
            version = version.substring(0, hash); // "+sha512.<hash>" is corepack's integrity suffix
        }
        String source = "packageManager field";
        switch (name) {
            case "npm":
                return Optional.of(new PackageManager(Kind.NPM, version, source));
            case "pnpm":
                return Optional.of(new PackageManager(Kind.PNPM, version, source));
            case "bun":
                return Optional.of(new PackageManager(Kind.BUN, version, source));
            case "yarn":
                boolean classic = version.startsWith("1.") || version.equals("1");
                return Optional.of(new PackageManager(classic ? Kind.YARN_CLASSIC : Kind.YARN_BERRY, version, source));
            default:
                messages.add(Message.warning("packageManager '" + safeName(name) + "' in "
                        + display.of(folder.resolve(PackageJson.FILE_NAME)) + " is not npm, pnpm, yarn or bun;"
                        + " detecting from lockfiles"));
                return Optional.empty();
        }
    }

    private static PackageManager fromFiles(Path folder) {
        if (Files.isRegularFile(folder.resolve("pnpm-lock.yaml"))) {
            return new PackageManager(Kind.PNPM, "", "pnpm-lock.yaml");
        }
        if (Files.isRegularFile(folder.resolve("bun.lock"))) {
            return new PackageManager(Kind.BUN, "", "bun.lock");
        }
        if (Files.isRegularFile(folder.resolve("bun.lockb"))) {
            return new PackageManager(Kind.BUN, "", "bun.lockb");
        }
        boolean yarnrcYml = Files.isRegularFile(folder.resolve(".yarnrc.yml"));
        if (Files.isRegularFile(folder.resolve("yarn.lock"))) {
            String header = header(folder.resolve("yarn.lock"));
            if (yarnrcYml || header.contains("__metadata:")) {
                return new PackageManager(Kind.YARN_BERRY, "", yarnrcYml ? "yarn.lock and .yarnrc.yml" : "yarn.lock");
            }
            return new PackageManager(Kind.YARN_CLASSIC, "", "yarn.lock");
        }
        if (Files.isRegularFile(folder.resolve("package-lock.json"))) {
            return new PackageManager(Kind.NPM, "", "package-lock.json");
        }
        if (Files.isRegularFile(folder.resolve("npm-shrinkwrap.json"))) {
            return new PackageManager(Kind.NPM, "", "npm-shrinkwrap.json");
        }
        if (yarnrcYml) {
            return new PackageManager(Kind.YARN_BERRY, "", ".yarnrc.yml");
        }
        return new PackageManager(Kind.NPM, "", "no lockfile");
    }

    /** The start of a lockfile: a berry lockfile has {@code __metadata:} within its first lines. */
    private static String header(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(HEADER_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** A package manager name as typed, cut short and limited to name characters. */
    private static String safeName(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._@/-]", "?");
        return cleaned.length() > 30 ? cleaned.substring(0, 30) + "…" : cleaned;
    }
}
