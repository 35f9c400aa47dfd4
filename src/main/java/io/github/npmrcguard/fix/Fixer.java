package io.github.npmrcguard.fix;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.LargeFile;
import io.github.npmrcguard.generate.FileChange;
import io.github.npmrcguard.generate.GenerationResult;
import io.github.npmrcguard.generate.GeneratorOptions;
import io.github.npmrcguard.generate.Message;
import io.github.npmrcguard.generate.ModuleInput;
import io.github.npmrcguard.generate.PackageManager;
import io.github.npmrcguard.generate.TokenMarker;
import io.github.npmrcguard.generate.TokenPlacement;
import io.github.npmrcguard.parse.ParseException;
import io.github.npmrcguard.parse.Parsers;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.parse.TextDecoder;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.scan.ScanResult;
import io.github.npmrcguard.write.AtomicWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code fix} goal without Maven: for each file whose committed content holds a literal credential,
 * rewrites the working copy so that each such value becomes a placeholder, and says what it could not
 * rewrite and how to do that by hand.
 *
 * <p>Where the token then lives is {@link TokenPlacement}'s decision, as for {@code generate}: in the
 * project {@code .npmrc} of a pnpm or yarn 1 frontend the token's line is removed rather than given a
 * placeholder (which would stop yarn 1 and which pnpm ignores), and the module's user config is written the
 * way {@code generate} writes it, from the registry lines the file keeps.
 */
public final class Fixer {

    /** A rewritten value: where, which finding it removes, and the placeholder that stands there now. */
    public record Fixed(String path, int line, Finding finding, String placeholder, boolean removed) {
        public Fixed(String path, int line, Finding finding, String placeholder) {
            this(path, line, finding, placeholder, false);
        }

        /** The log line: never the secret, only its fingerprint. */
        public String logLine(boolean dryRun) {
            if (removed) {
                return path + ":" + line + ": " + (dryRun ? "would remove the line with " : "removed the line with ")
                        + finding.what() + (finding.key().isEmpty() ? "" : " in " + finding.key())
                        + "; the user config reads " + placeholder + " instead (fingerprint " + finding.fingerprint()
                        + ")";
            }
            return path + ":" + line + ": " + (dryRun ? "would replace " : "replaced ") + finding.what()
                    + (finding.key().isEmpty() ? "" : " in " + finding.key()) + " with " + placeholder
                    + " (fingerprint " + finding.fingerprint() + ")";
        }
    }

    /** A finding left for the user, with the steps to take. */
    public record Manual(Finding finding, String steps) {
        public String logLine() {
            return finding.logLine() + ": not rewritten, " + steps;
        }
    }

    /**
     * What a run did (or, in a dry run, would do).
     *
     * @param notes what the user must do besides revoking: where moved tokens are read from now
     */
    public record Report(List<Fixed> fixed, List<Manual> manual, List<String> filesChanged, List<String> notes) {
        public Report(List<Fixed> fixed, List<Manual> manual, List<String> filesChanged) {
            this(fixed, manual, filesChanged, List.of());
        }
    }

    private final CredentialRewriter rewriter;
    private final GeneratorOptions.Builder userConfigOptions;

    public Fixer(VariableNames names) {
        this(names, GeneratorOptions.builder());
    }

    /**
     * @param userConfigOptions how the user config of a pnpm or yarn 1 frontend is written, as generate
     *                          would be told (configured registries, environment, home)
     */
    public Fixer(VariableNames names, GeneratorOptions.Builder userConfigOptions) {
        this.rewriter = new CredentialRewriter(names);
        this.userConfigOptions = userConfigOptions;
    }

    /**
     * Rewrites the working copies under {@code root} for the errors of {@code result}.
     *
     * @param dryRun when true, nothing is written
     */
    public Report fix(Path root, ScanResult result, boolean dryRun) throws IOException {
        Map<String, List<Finding>> byPath = new LinkedHashMap<>();
        for (Finding f : result.errors()) {
            byPath.computeIfAbsent(f.path(), p -> new ArrayList<>()).add(f);
        }
        List<Fixed> fixed = new ArrayList<>();
        List<Manual> manual = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, List<Finding>> entry : byPath.entrySet()) {
            String path = entry.getKey();
            List<Finding> findings = entry.getValue();
            Path file = root.resolve(path);
            FileKind kind = FileKind.ofFileName(file.getFileName().toString());
            if (kind == null || findings.get(0).rule() == RuleCatalogue.UNREADABLE_FILE) {
                findings.forEach(f -> manual.add(new Manual(f, "make the file readable and run check again")));
                continue;
            }
            if (kind == FileKind.POM) {
                // Not rewritten: a placeholder there would be resolved by Maven and printed by mvn -X all the same.
                findings.forEach(f -> manual.add(new Manual(f, pomSteps(f))));
                continue;
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                findings.forEach(f -> manual.add(new Manual(
                        f,
                        "the working copy no longer has this file: " + "delete it from the index too (git rm --cached "
                                + path + ")")));
                continue;
            }
            if (Files.size(file) > LargeFile.PARSE_LIMIT) {
                // Not parsed, so not rewritten either (and not read into the heap): only its tokens were found.
                findings.forEach(
                        f -> manual.add(new Manual(f, "the file is too large to rewrite safely: " + steps(f))));
                continue;
            }
            Set<String> fingerprints = new LinkedHashSet<>();
            findings.forEach(f -> {
                if (!f.fingerprint().isEmpty()) {
                    fingerprints.add(f.fingerprint());
                }
            });
            byte[] content = Files.readAllBytes(file);
            boolean userConfigClient = kind == FileKind.NPMRC
                    && PackageManager.of(file.getParent())
                            .map(TokenPlacement::inUserConfig)
                            .orElse(false);
            List<Setting> npmrc = userConfigClient ? npmrcSettings(content) : List.of();
            CredentialRewriter.Result rewrite = userConfigClient
                    ? rewriter.rewriteForUserConfig(
                            content,
                            fingerprints,
                            TokenPlacement.userConfigAuthKeys(npmrc),
                            TokenPlacement.userConfigMarkedKeys(npmrc))
                    : rewriter.rewrite(kind, content, fingerprints);
            Set<String> done = new LinkedHashSet<>();
            for (CredentialRewriter.Edit edit : rewrite.edits()) {
                Finding f = findings.stream()
                        .filter(x -> x.fingerprint().equals(edit.fingerprint()))
                        .findFirst()
                        .orElseThrow();
                fixed.add(new Fixed(path, edit.line(), f, edit.placeholder(), edit.removed()));
                done.add(edit.fingerprint());
            }
            for (Finding f : findings) {
                if (!done.contains(f.fingerprint())) {
                    String how = userConfigClient && rewrite.refusal() == null ? userConfigSteps(f) : steps(f);
                    manual.add(new Manual(
                            f,
                            rewrite.refusal() != null
                                    ? "the file was left unchanged because " + rewrite.refusal() + "; " + how
                                    : how));
                }
            }
            if (rewrite.content() != null) {
                if (!dryRun) {
                    new AtomicWriter().write(file, rewrite.content(), false);
                }
                changed.add(path);
                if (rewrite.edits().stream().anyMatch(CredentialRewriter.Edit::removed)) {
                    List<String> marked = markedDarts(npmrc, rewrite.edits());
                    for (String dart : marked) {
                        notes.add(path + ": " + (dryRun ? "would write" : "wrote") + " '" + TokenMarker.line(dart)
                                + "' in place of the token line: it tells generate that " + dart + " needs a token"
                                + " although the file has no registry line for it; keep it");
                    }
                    notes.addAll(writeUserConfig(root, file, path, dryRun, !marked.isEmpty()));
                }
            }
        }
        return new Report(fixed, manual, changed, notes);
    }

    /** The nerf darts whose token line the edits replaced by a {@link TokenMarker} comment. */
    private static List<String> markedDarts(List<Setting> npmrc, List<CredentialRewriter.Edit> edits) {
        Map<String, String> marked = TokenPlacement.userConfigMarkedKeys(npmrc);
        List<String> out = new ArrayList<>();
        for (CredentialRewriter.Edit edit : edits) {
            for (Setting s : npmrc) {
                if (edit.removed()
                        && s.line() == edit.line()
                        && marked.containsKey(s.key())
                        && !out.contains(s.scope())) {
                    out.add(s.scope());
                }
            }
        }
        return out;
    }

    /**
     * The settings of a pnpm or yarn 1 project .npmrc, from which its token keys that can move to the user
     * config are told: those of a registry the file declares with a registry line, which generate carries into
     * the user config on every build, and the token lines of a registry it has no registry line for (the
     * public registry), which give way to a {@link TokenMarker} comment so that generate still writes them.
     */
    private static List<Setting> npmrcSettings(byte[] content) {
        try {
            return Parsers.forKind(FileKind.NPMRC).parse(new TextDecoder().decode(content));
        } catch (ParseException e) {
            return List.of(); // the rewriter says why it leaves the file alone
        }
    }

    /** Writes the user config of the module holding the frontend, as generate would; returns what to tell. */
    private List<String> writeUserConfig(Path root, Path file, String path, boolean dryRun, boolean marked) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        Path moduleDir = folder;
        Path top = root.toAbsolutePath().normalize();
        for (Path p = folder; p != null && p.startsWith(top); p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml"))) {
                moduleDir = p;
                break;
            }
        }
        ModuleInput module = ModuleInput.of(moduleDir);
        if (!moduleDir.equals(folder)) {
            module = module.withWorkingDirectory(folder); // so that the frontend is found wherever it sits
        }
        GenerationResult result = TokenPlacement.writeUserConfig(
                module,
                userConfigOptions
                        .dryRun(dryRun)
                        .ci(false)
                        .requireTokens(false)
                        .projectRoot(top)
                        .build());
        List<String> out = new ArrayList<>();
        for (FileChange change : result.files()) {
            if (change.role() != FileChange.Role.USER_CONFIG) {
                continue;
            }
            for (Message m : change.messages()) {
                out.add(m.text());
            }
            out.add(path + ": pnpm and yarn 1 read its token from the user config, so the token line "
                    + (dryRun ? "would be" : "was") + " removed and " + change.displayPath() + " "
                    + (dryRun ? "would be written" : "was written") + " the way generate writes it. Point"
                    + " NPM_CONFIG_USERCONFIG at that file in the frontend build (with the generate goal bound,"
                    + " frontend-maven-plugin: <environmentVariables><NPM_CONFIG_USERCONFIG>"
                    + "${npmrcguard.userconfig.file}</NPM_CONFIG_USERCONFIG></environmentVariables>)");
        }
        if (out.isEmpty() && dryRun && marked) {
            // generate reads the comment from the file, which a dry run leaves as it is.
            out.add(path + ": the token line would be replaced by the comment, and generate would then write the"
                    + " token line into the user config; point NPM_CONFIG_USERCONFIG at that file in the frontend"
                    + " build");
        }
        if (out.isEmpty()) {
            out.add(path + ": the token line " + (dryRun ? "would be" : "was") + " removed, but no frontend"
                    + " was found for it to write a user config: run mvn npmrc-guard:generate in its module");
        }
        return out;
    }

    /** What to do by hand with a credential a pnpm or yarn 1 project .npmrc cannot hold as a placeholder. */
    private static String userConfigSteps(Finding f) {
        return "pnpm and yarn 1 cannot read a placeholder from a project .npmrc: delete the line, keep the"
                + " registry declared (a registry line for it, its entry in <registries>, or the comment"
                + " '# npmrc-guard:token //host/path/') so that generate writes its token to the user config,"
                + " and point NPM_CONFIG_USERCONFIG at that file";
    }

    /** What to do by hand in a pom, per kind of finding. */
    private static String pomSteps(Finding f) {
        switch (f.rule().id()) {
            case "pom-credentials-in-url":
                return "remove the user name and password from the URL (and the property it reads) by hand, and "
                        + "give npm the token through .npmrc instead, e.g. //host/path/:_authToken=${NPM_TOKEN}";
            case "pom-literal-env-token":
            case "pom-literal-argument-token":
                return "delete the entry or argument (and the property it reads) by hand: the plugin's process "
                        + "inherits the build's environment, so set the token as a CI secret and let npm read it "
                        + "through //host/:_authToken=${NPM_TOKEN} in .npmrc";
            default:
                return "delete the token from that line by hand";
        }
    }

    /** What to do by hand, per kind of finding. */
    private static String steps(Finding f) {
        switch (f.rule().id()) {
            case "credentials-in-url":
                return "remove the user name and password from the URL by hand, and give the token through a "
                        + "nerf-darted auth line instead, e.g. //host/path/:_authToken=${NPM_TOKEN}";
            case "private-key":
                return "delete the private key from the file by hand and point //host/:keyfile= at a key file "
                        + "outside the repository";
            case "known-token":
                return "delete the token from that line by hand";
            default:
                return "replace the value by hand with a placeholder such as ${NPM_TOKEN} "
                        + "(\"${NPM_TOKEN:-}\" in .yarnrc.yml, \"$NPM_TOKEN\" in bunfig.toml)";
        }
    }
}
