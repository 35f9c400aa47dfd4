package io.github.npmrcguard.fix;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.LargeFile;
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
 */
public final class Fixer {

    /** A rewritten value: where, which finding it removes, and the placeholder that stands there now. */
    public record Fixed(String path, int line, Finding finding, String placeholder) {
        /** The log line: never the secret, only its fingerprint. */
        public String logLine(boolean dryRun) {
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

    /** What a run did (or, in a dry run, would do). */
    public record Report(List<Fixed> fixed, List<Manual> manual, List<String> filesChanged) {
    }

    private final CredentialRewriter rewriter;

    public Fixer(VariableNames names) {
        this.rewriter = new CredentialRewriter(names);
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
                findings.forEach(f -> manual.add(new Manual(f, "the working copy no longer has this file: "
                        + "delete it from the index too (git rm --cached " + path + ")")));
                continue;
            }
            if (Files.size(file) > LargeFile.PARSE_LIMIT) {
                // Not parsed, so not rewritten either (and not read into the heap): only its tokens were found.
                findings.forEach(f -> manual.add(new Manual(f, "the file is too large to rewrite safely: "
                        + steps(f))));
                continue;
            }
            Set<String> fingerprints = new LinkedHashSet<>();
            findings.forEach(f -> {
                if (!f.fingerprint().isEmpty()) {
                    fingerprints.add(f.fingerprint());
                }
            });
            CredentialRewriter.Result rewrite = rewriter.rewrite(kind, Files.readAllBytes(file), fingerprints);
            Set<String> done = new LinkedHashSet<>();
            for (CredentialRewriter.Edit edit : rewrite.edits()) {
                Finding f = findings.stream().filter(x -> x.fingerprint().equals(edit.fingerprint()))
                        .findFirst().orElseThrow();
                fixed.add(new Fixed(path, edit.line(), f, edit.placeholder()));
                done.add(edit.fingerprint());
            }
            for (Finding f : findings) {
                if (!done.contains(f.fingerprint())) {
                    manual.add(new Manual(f, rewrite.refusal() != null
                            ? "the file was left unchanged because " + rewrite.refusal() + "; " + steps(f)
                            : steps(f)));
                }
            }
            if (rewrite.content() != null) {
                if (!dryRun) {
                    new AtomicWriter().write(file, rewrite.content(), false);
                }
                changed.add(path);
            }
        }
        return new Report(fixed, manual, changed);
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
