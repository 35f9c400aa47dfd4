package io.github.npmrcguard.parse;

import io.github.npmrcguard.files.FileKind;

/**
 * The parser for each kind of config file. The YAML and TOML parsers keep their libraries behind
 * package-private classes that are loaded on the first parse, so scanning a repository without such files
 * never loads snakeyaml or tomlj; the pom parser is loaded only when a pom is parsed, and uses StAX only for a
 * pom that mentions a frontend plugin.
 */
public final class Parsers {
    private Parsers() {}

    /**
     * A parser for a kind of file. Parsers hold no state, so one may be shared between threads.
     *
     * @param kind the kind of file
     * @return its parser
     */
    public static ConfigParser forKind(FileKind kind) {
        switch (kind) {
            case NPMRC:
                return new NpmrcParser();
            case YARNRC:
                return new YarnrcParser();
            case YARNRC_YML:
                return new YarnrcYmlParser();
            case BUNFIG_TOML:
                return new BunfigTomlParser();
            case POM:
                return new PomParser();
            default:
                throw new IllegalArgumentException("no parser for " + kind);
        }
    }
}
