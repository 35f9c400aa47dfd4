package io.github.npmrcguard.scan;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.generate.PackageManager;
import io.github.npmrcguard.generate.PublishTargets;
import io.github.npmrcguard.parse.DecodedText;
import io.github.npmrcguard.parse.Lines;
import io.github.npmrcguard.parse.ParseException;
import io.github.npmrcguard.parse.Parsers;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.parse.TextDecoder;
import io.github.npmrcguard.rules.ConfigDocument;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.RuleCatalogue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns one file version into a document for the rules: decodes its bytes, splits its lines, parses its
 * settings. A file that cannot be decoded or parsed still has its raw lines searched for token formats.
 */
public final class DocumentReader {
    /**
     * A document and the findings made while reading it (unparsable content).
     *
     * @param sameContent an object that this reader gives every document of the same kind and bytes, compared by
     *                    identity (for {@link io.github.npmrcguard.rules.DocumentChecker}); null when the reader
     *                    does not remember contents, or not this one (too large, or not parsable)
     */
    public record Read(ConfigDocument document, List<Finding> findings, Object sameContent) {
        public Read(ConfigDocument document, List<Finding> findings) {
            this(document, findings, null);
        }
    }

    /** Config files of this size or less are parsed once per reader for each distinct content. */
    private static final int REMEMBERED_SIZE = 64 * 1024;

    /**
     * What this reader parsed, by kind and exact bytes, when it remembers ({@link #remembering}); else null.
     */
    private final Map<String, Parsed> parsed;

    private record Parsed(List<String> lines, List<Setting> settings) {}

    /** A reader that parses every file it is given. */
    public DocumentReader() {
        this.parsed = null;
    }

    private DocumentReader(Map<String, Parsed> parsed) {
        this.parsed = parsed;
    }

    /**
     * A reader for one scan of a work tree, which parses each distinct content once: a repository repeats its
     * config files verbatim (each module's {@code .npmrc}), and a parse depends on nothing else. It holds what
     * it parsed while it lives, so it is made per scan (not for a history, whose blobs are all distinct).
     */
    public static DocumentReader remembering() {
        return new DocumentReader(new HashMap<>());
    }

    public Read read(ScanFile file) {
        String key = parsed == null || file.content().length > REMEMBERED_SIZE
                ? null
                : file.kind().name() + '\0' + new String(file.content(), StandardCharsets.ISO_8859_1);
        Parsed known = key == null ? null : parsed.get(key);
        if (known != null) {
            return new Read(
                    new ConfigDocument(file.path(), file.kind(), known.lines(), known.settings(), folder(file)),
                    List.of(),
                    known);
        }
        String text;
        DecodedText decoded;
        try {
            decoded = new TextDecoder().decode(file.content());
            text = decoded.text();
        } catch (ParseException e) {
            // Binary junk: its client cannot read it, but a token pasted into it is still committed.
            text = new String(file.content(), StandardCharsets.ISO_8859_1);
            return new Read(
                    new ConfigDocument(file.path(), file.kind(), Lines.split(text), List.of()),
                    List.of(unparsable(file, e)));
        }
        List<String> lines = Lines.split(text);
        try {
            List<Setting> settings = Parsers.forKind(file.kind()).parse(decoded);
            ConfigDocument document = new ConfigDocument(file.path(), file.kind(), lines, settings, folder(file));
            if (key != null) {
                Parsed remembered = new Parsed(document.lines(), document.settings());
                parsed.put(key, remembered);
                return new Read(document, List.of(), remembered);
            }
            return new Read(document, List.of());
        } catch (ParseException e) {
            return new Read(
                    new ConfigDocument(file.path(), file.kind(), lines, List.of()), List.of(unparsable(file, e)));
        }
    }

    private static final Supplier<String> NONE = new Supplier<>() {
        @Override
        public String get() {
            return "";
        }
    };

    /** Conventional frontend folders of a Maven module, where a package.json below an .npmrc would be. */
    private static final List<String> FRONTEND_FOLDERS = List.of("src/main/frontend", "src/main/webui", "frontend");

    /**
     * Who reads an {@code .npmrc}, from its folder: the frontend there, or one in a conventional folder below
     * (only {@code .npmrc} itself needs this; a few file checks, no walk, each made only if a rule asks).
     */
    private static ConfigDocument.FolderFacts folder(ScanFile file) {
        Path dir = file.location() == null ? null : file.location().getParent();
        if (file.kind() == FileKind.POM && dir != null && file.path().endsWith("pom.xml")) {
            return new ConfigDocument.FolderFacts(NONE, NONE, new Supplier<>() {
                @Override
                public String get() {
                    return UserConfigFacts.frontend(dir, file.content());
                }
            });
        }
        if (dir == null || !readByName(file)) {
            return ConfigDocument.FolderFacts.UNKNOWN;
        }
        return new ConfigDocument.FolderFacts(
                new Supplier<>() {
                    @Override
                    public String get() {
                        return client(dir);
                    }
                },
                file.kind() != FileKind.NPMRC
                        ? NONE
                        : new Supplier<>() {
                            @Override
                            public String get() {
                                return frontendBelow(dir);
                            }
                        },
                NONE,
                new Supplier<>() {
                    @Override
                    public List<String> get() {
                        return PublishTargets.of(dir).stream()
                                .map(PublishTargets.Target::registry)
                                .toList();
                    }
                });
    }

    /** Whether a client reads the file by this name in its project folder ({@code .npmrc.ci} is a template). */
    private static boolean readByName(ScanFile file) {
        String name = file.path().substring(file.path().lastIndexOf('/') + 1);
        switch (file.kind()) {
            case NPMRC:
                return name.equals(".npmrc");
            case YARNRC:
                return name.equals(".yarnrc");
            case YARNRC_YML:
                return name.equals(".yarnrc.yml");
            case BUNFIG_TOML:
                return name.equals("bunfig.toml");
            default:
                return false;
        }
    }

    private static String client(Path dir) {
        Optional<PackageManager> pm = PackageManager.of(dir);
        return pm.isPresent() ? pm.get().kind().label() : "";
    }

    private static String frontendBelow(Path dir) {
        // (The file's folder is one: no look at it; one look for the package.json, since most are frontends.)
        if (Files.isRegularFile(dir.resolve("package.json"))
                || Files.isRegularFile(dir.resolve("pnpm-workspace.yaml"))) {
            return ""; // a frontend itself, or a pnpm workspace root: read where it is
        }
        for (String sub : FRONTEND_FOLDERS) {
            Optional<PackageManager> below = PackageManager.of(dir.resolve(sub));
            if (below.isPresent() && below.get().kind() != PackageManager.Kind.YARN_CLASSIC) {
                return sub;
            }
        }
        return "";
    }

    private static Finding unparsable(ScanFile file, ParseException e) {
        return new Finding(
                file.path(),
                Math.max(1, e.line()),
                RuleCatalogue.UNPARSABLE_FILE,
                RuleCatalogue.UNPARSABLE_FILE.severity(),
                e.getMessage(),
                "",
                "",
                "");
    }
}
