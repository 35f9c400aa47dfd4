package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import java.util.List;
import java.util.function.Supplier;

/**
 * One parsed file, as the rules see it: its path, kind, raw lines (comments included, numbered as stored)
 * and the settings its client reads.
 *
 * @param path     relative to the scan root, {@code /} separators
 * @param kind     the file's format
 * @param lines    the decoded lines; index 0 is line 1
 * @param settings the settings the format's parser found (empty when the file could not be parsed)
 * @param folder   what the file's folder tells about who reads it
 */
public record ConfigDocument(
        String path, FileKind kind, List<String> lines, List<Setting> settings, FolderFacts folder) {

    /** Who reads an {@code .npmrc}, from the folder it sits in. */
    public static final class FolderFacts {
        private static final Supplier<String> NOTHING = new Supplier<>() {
            @Override
            public String get() {
                return "";
            }
        };
        private static final Supplier<List<String>> NO_REGISTRIES = new Supplier<>() {
            @Override
            public List<String> get() {
                return List.of();
            }
        };
        /** Nothing known. */
        public static final FolderFacts UNKNOWN = new FolderFacts(NOTHING, NOTHING);

        private final Supplier<String> client;
        private final Supplier<String> frontendBelow;
        private final Supplier<String> userConfigFrontend;
        private final Supplier<List<String>> publishRegistries;
        private String clientValue;
        private String frontendBelowValue;
        private String userConfigFrontendValue;
        private List<String> publishRegistriesValue;

        /**
         * Facts worked out only when a rule asks: most files never need them, and each costs a look at the
         * folder (the client one reads and parses a package.json).
         */
        public FolderFacts(Supplier<String> client, Supplier<String> frontendBelow) {
            this(client, frontendBelow, NOTHING);
        }

        /** Facts for a {@code pom.xml}: also the frontend whose tokens its module's generated user config holds. */
        public FolderFacts(
                Supplier<String> client, Supplier<String> frontendBelow, Supplier<String> userConfigFrontend) {
            this(client, frontendBelow, userConfigFrontend, NO_REGISTRIES);
        }

        /**
         * Facts for an {@code .npmrc}: also the registries the packages that read it publish to (see
         * {@link #publishRegistries}).
         */
        public FolderFacts(
                Supplier<String> client,
                Supplier<String> frontendBelow,
                Supplier<String> userConfigFrontend,
                Supplier<List<String>> publishRegistries) {
            this.client = client;
            this.frontendBelow = frontendBelow;
            this.userConfigFrontend = userConfigFrontend;
            this.publishRegistries = publishRegistries;
        }

        /**
         * For an {@code .npmrc}: the {@code publishConfig.registry} URLs, as written, of the {@code package.json}
         * in its folder and of that folder's workspace members; empty when there are none or nothing is known.
         */
        public List<String> publishRegistries() {
            if (publishRegistriesValue == null) {
                List<String> value = publishRegistries.get();
                publishRegistriesValue = value == null ? List.of() : List.copyOf(value);
            }
            return publishRegistriesValue;
        }

        /**
         * For a {@code pom.xml}: the pnpm or yarn 1 frontend of its module whose tokens live in the module's
         * generated user config ({@code target/npmrc-guard/.npmrc} holds auth lines), e.g.
         * {@code pnpm in src/main/frontend}; empty when there is none, or when a parent pom already sets
         * {@code NPM_CONFIG_USERCONFIG}.
         */
        public String userConfigFrontend() {
            if (userConfigFrontendValue == null) {
                String value = userConfigFrontend.get();
                userConfigFrontendValue = value == null ? "" : value;
            }
            return userConfigFrontendValue;
        }

        /**
         * The package manager of the frontend in the file's own folder ("npm", "pnpm", "yarn 1", ...), or
         * empty when the folder holds no package.json.
         */
        public String client() {
            if (clientValue == null) {
                String value = client.get();
                clientValue = value == null ? "" : value;
            }
            return clientValue;
        }

        /**
         * The conventional frontend folder below that holds a package.json and is not run by yarn 1 (which
         * reads every .npmrc above it), relative to the file's folder, e.g. {@code src/main/frontend}; empty
         * when there is none or the folder is a frontend itself.
         */
        public String frontendBelow() {
            if (frontendBelowValue == null) {
                String value = frontendBelow.get();
                frontendBelowValue = value == null ? "" : value;
            }
            return frontendBelowValue;
        }
    }

    public ConfigDocument {
        lines = List.copyOf(lines);
        settings = List.copyOf(settings);
        folder = folder == null ? FolderFacts.UNKNOWN : folder;
    }

    /** A document whose folder is not known. */
    public ConfigDocument(String path, FileKind kind, List<String> lines, List<Setting> settings) {
        this(path, kind, lines, settings, FolderFacts.UNKNOWN);
    }

    /** The package manager of the frontend in the file's folder, or empty. */
    public String client() {
        return folder.client();
    }

    /** The dialect of placeholders in this file. */
    public Dialect dialect() {
        return Dialect.of(kind);
    }

    /** The raw text of a 1-based line, or an empty string past the end. */
    public String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }

    @Override
    public String toString() {
        return "ConfigDocument[" + path + ", " + kind + ", " + lines.size() + " lines]";
    }
}
