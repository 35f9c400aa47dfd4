package io.github.npmrcguard.files;

/** The config file formats the scan reads, each recognised by its file name alone. */
public enum FileKind {
    /** npm's ini dialect: {@code .npmrc}, {@code npmrc}, and variants such as {@code .npmrc.production}. */
    NPMRC,
    /** yarn 1's {@code .yarnrc} (its lockfile syntax: {@code key "value"}). */
    YARNRC,
    /** yarn 2+'s {@code .yarnrc.yml}. */
    YARNRC_YML,
    /** bun's {@code bunfig.toml}. */
    BUNFIG_TOML,
    /**
     * A Maven {@code pom.xml}, read as raw XML (never the interpolated model) for the frontend-related parts:
     * frontend-maven-plugin and exec-maven-plugin configuration and the properties it reads.
     */
    POM;

    /** The kind of a file with this name (no folder part), or {@code null} when the scan does not read it. */
    public static FileKind ofFileName(String name) {
        switch (name) {
            case ".npmrc":
            case "npmrc":
                return NPMRC;
            case ".yarnrc":
                return YARNRC;
            case ".yarnrc.yml":
                return YARNRC_YML;
            case "bunfig.toml":
            case ".bunfig.toml":
                return BUNFIG_TOML;
            case "pom.xml":
                return POM;
            default:
                return name.startsWith(".npmrc.") && name.length() > ".npmrc.".length() ? NPMRC : null;
        }
    }

    /**
     * git pathspecs that select every file of every kind, for {@code git ls-files}. They are deliberately
     * loose (a superset: {@code *npmrc*} also matches {@code docs/npmrc-howto.md}), so filter what git
     * lists with {@link #ofFileName}: git matches three plain wildcards much faster than seven
     * {@code :(glob)**}{@code /name} patterns. Plain wildcards match across {@code /} and are relative to git's current folder.
     * {@code *pom.xml} also matches {@code dependency-reduced-pom.xml} and the like, which the filter drops.
     */
    public static final java.util.List<String> GIT_PATHSPECS =
            java.util.List.of("*npmrc*", "*.yarnrc*", "*bunfig.toml", "*pom.xml");
}
