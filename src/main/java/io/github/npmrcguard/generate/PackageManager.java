package io.github.npmrcguard.generate;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The package manager a frontend folder uses, and its version when the folder says it.
 *
 * @param kind    which client
 * @param version {@code major.minor.patch[-pre]}, or empty when unknown
 * @param source  what told us, for messages: {@code packageManager field}, {@code pnpm-lock.yaml}, ...
 */
public record PackageManager(Kind kind, String version, String source) {
    /** The first pnpm that ignores environment-expanded credentials in a project {@code .npmrc} (note 2.2). */
    static final int[] PNPM_PROJECT_AUTH_IGNORED_FROM = {10, 34, 2};

    private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:[-+].*)?");

    /** The clients whose config files differ. */
    public enum Kind {
        /** npm; reads the project {@code .npmrc}. */
        NPM("npm"),
        /** pnpm; from 10.34.2 it takes placeholder tokens only from user config. */
        PNPM("pnpm"),
        /** yarn 1 (classic); reads {@code .npmrc} files, and fails on an unset placeholder in them. */
        YARN_CLASSIC("yarn 1"),
        /** yarn 2 and later (berry); reads only {@code .yarnrc.yml}. */
        YARN_BERRY("yarn 2+"),
        /** bun; reads {@code bunfig.toml}. */
        BUN("bun");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The client's name for messages. */
        public String label() {
            return label;
        }
    }

    public PackageManager {
        Objects.requireNonNull(kind, "kind");
        version = version == null ? "" : version;
        source = source == null ? "" : source;
    }

    /**
     * Whether the credentials must go to a user config: pnpm from 10.34.2 (and 11.5.3, and 12) drops
     * environment-expanded credentials from a project {@code .npmrc}; an unknown pnpm version is treated as
     * new, since the user config works for every pnpm.
     */
    public boolean ignoresProjectAuthPlaceholders() {
        if (kind != Kind.PNPM) {
            return false;
        }
        Optional<int[]> v = numericVersion();
        return v.isEmpty() || compare(v.get(), PNPM_PROJECT_AUTH_IGNORED_FROM) >= 0;
    }

    /** The version as three numbers, when it is known and well-formed. */
    Optional<int[]> numericVersion() {
        Matcher m = SEMVER.matcher(version);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))
                    });
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    /** e.g. {@code pnpm 10.34.9 (packageManager field)} or {@code npm (no lockfile)}. */
    public String describe() {
        String name = kind == Kind.YARN_CLASSIC || kind == Kind.YARN_BERRY ? "yarn" : kind.label();
        String v = version.isEmpty()
                ? (kind == Kind.YARN_BERRY ? " 2+" : kind == Kind.YARN_CLASSIC ? " 1" : "")
                : " " + version;
        return name + v + (source.isEmpty() ? "" : " (" + source + ")");
    }

    /**
     * The package manager of the frontend whose {@code package.json} is in {@code folder}, as
     * {@code generate} decides it, or empty when the folder holds no {@code package.json}.
     */
    public static Optional<PackageManager> of(Path folder) {
        if (!java.nio.file.Files.isRegularFile(folder.resolve("package.json"))) {
            return Optional.empty();
        }
        return Optional.of(new PackageManagerDetector(new PathDisplay(folder))
                .detect(folder, folder, new java.util.ArrayList<>()));
    }
}
