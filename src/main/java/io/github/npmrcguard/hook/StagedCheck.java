package io.github.npmrcguard.hook;

import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.allow.PathExcludes;
import io.github.npmrcguard.files.GitPaths;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.files.ScanSet;
import io.github.npmrcguard.files.StagedFiles;
import io.github.npmrcguard.report.ConsoleReport;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.scan.ScanResult;
import io.github.npmrcguard.scan.ScanSetSource;
import io.github.npmrcguard.scan.Scanner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the pre-commit hook runs: the {@code check} goal's parsers, rules, allow comments and allowlist on
 * the candidate files a commit adds or changes, as staged. A committed literal refuses the commit with the
 * lines {@code check} prints; warnings are shown and let it through. Anything that keeps it from checking
 * is one line that says so, and the commit goes through.
 */
public final class StagedCheck {
    /** The argument that runs {@link #warmUp} instead of a check, for {@link HookArchive}. */
    static final String WARM_UP = "--warm-up";

    /** The argument after the settings file that says the script pipes in what is staged ({@link StagedFiles#readPiped}). */
    static final String STAGED_ON_STDIN = "--staged-on-stdin";

    private StagedCheck() {}

    /** @param args the settings file the installer wrote (and {@link #STAGED_ON_STDIN}), or {@link #WARM_UP} */
    public static void main(String[] args) {
        PrintStream out = System.out;
        if (args.length == 1 && args[0].equals(WARM_UP)) {
            System.exit(warmUp(System.getenv(), Path.of("").toAbsolutePath()));
        }
        int status = run(args, System.getenv(), Path.of("").toAbsolutePath(), System.in, out);
        out.flush();
        System.exit(status);
    }

    /**
     * @param cwd where git started the hook: the top of the work tree the commit is made in
     * @return 0 to let the commit through, {@link HookScript#REFUSED} to refuse it,
     *         {@link HookScript#NOT_CHECKED} when it could not check (and said so)
     */
    static int run(String[] args, Map<String, String> env, Path cwd, PrintStream out) {
        return run(args, env, cwd, InputStream.nullInputStream(), out);
    }

    /** @param in what the script piped in, read when {@code args} say so */
    static int run(String[] args, Map<String, String> env, Path cwd, InputStream in, PrintStream out) {
        try {
            boolean piped = args.length == 2 && args[1].equals(STAGED_ON_STDIN);
            if (args.length != 1 && !piped) {
                return notChecked(out, "the hook script passes no settings file");
            }
            HookConfig config;
            try {
                config = HookConfig.parse(Files.readAllBytes(Path.of(args[0])));
            } catch (IOException e) {
                return notChecked(out, "its settings file " + args[0] + " cannot be read");
            }
            return check(config, env, cwd, piped ? in : null, out);
        } catch (IOException e) {
            // git's messages are masked and never carry file content
            return notChecked(out, e.getMessage());
        } catch (RuntimeException | Error e) {
            // an exception's message might quote what it failed on: only its kind
            return notChecked(out, "internal error " + e.getClass().getSimpleName());
        }
    }

    /** {@link #run} once the settings are read; {@code piped} is what the script piped in, or null. */
    private static int check(HookConfig config, Map<String, String> env, Path cwd, InputStream piped, PrintStream out)
            throws IOException {
        StagedFiles staged = StagedFiles.fromEnvironment(env, cwd);
        if (!staged.available()) {
            return notChecked(out, "no git on the PATH");
        }
        Path top = GitPaths.fromEnvironment(env).topLevel(cwd).orElse(cwd);
        ScanSetSource source = new ScanSetSource() {
            @Override
            public ScanSet read(Path root, Predicate<String> excluded, Consumer<ScanFile> ready) throws IOException {
                ScanSet set = piped != null ? staged.readPiped(top, config.root(), excluded, piped) : null;
                return set != null ? set : staged.read(top, config.root(), excluded);
            }
        };
        Supplier<LocalDate> today = new Supplier<>() {
            @Override
            public LocalDate get() {
                return LocalDate.now();
            }
        };
        ScanResult result = new Scanner(source)
                .scan(top, new PathExcludes(config.excludes()), new Allowlist(config.allowlist()), today);
        return report(result, config.root(), out);
    }

    /**
     * Does what a check does, on what is staged and on one small sample of each kind, reporting into nothing: the
     * classes it loads are the ones a class archive made of this run should hold.
     */
    static int warmUp(Map<String, String> env, Path cwd) {
        try {
            Path top = GitPaths.fromEnvironment(env).topLevel(cwd).orElse(cwd);
            StagedFiles.fromEnvironment(env, cwd).read(top, "", new PathExcludes(List.of()));
            String[] samples = {
                ".npmrc",
                "# a comment\nregistry=https://registry.npmjs.org/\n"
                        + "//registry.npmjs.org/:_authToken=$NPM_TOKEN\n//other.example/:_password=c2FtcGxl\n",
                ".yarnrc",
                "registry \"https://registry.npmjs.org/\"\n",
                ".yarnrc.yml",
                "npmAuthToken: \"${NPM_TOKEN}\"\n",
                "bunfig.toml",
                "[install]\nregistry = \"https://registry.npmjs.org/\"\n",
                "pom.xml",
                "<project><modelVersion>4.0.0</modelVersion></project>\n"
            };
            // as the script pipes them in: the listing, an empty line, cat-file's answers
            StringBuilder piped = new StringBuilder();
            for (int i = 0; i < samples.length; i += 2) {
                piped.append(":000000 100644 0 sample")
                        .append(i)
                        .append(" A\t")
                        .append(samples[i])
                        .append('\n');
            }
            piped.append('\n');
            for (int i = 0; i < samples.length; i += 2) {
                piped.append("sample")
                        .append(i)
                        .append(" blob ")
                        .append(samples[i + 1].length())
                        .append('\n');
                piped.append(samples[i + 1]).append('\n');
            }
            HookConfig config = HookConfig.parse(new HookConfig("", List.of(), List.of()).toBytes());
            check(
                    config,
                    env,
                    cwd,
                    new ByteArrayInputStream(piped.toString().getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
            return 0;
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    private static int report(ScanResult result, String root, PrintStream out) {
        for (Finding f : result.warnings()) {
            out.println("npmrc-guard: warning: " + f.logLine());
        }
        if (result.errors().isEmpty()) {
            return 0;
        }
        out.println("npmrc-guard: commit refused:");
        Set<String> files = new LinkedHashSet<>();
        for (Finding f : result.errors()) {
            out.println(f.logLine());
            files.add(HookScript.quote(root + f.path()));
        }
        out.println(ConsoleReport.failureSummary(result));
        if (ConsoleReport.hasCredentials(result)) {
            out.println(ConsoleReport.remedy(result));
        }
        out.println("Then stage the changed files (git add " + String.join(" ", files) + ") and commit again.");
        return HookScript.REFUSED;
    }

    private static int notChecked(PrintStream out, String why) {
        out.println("npmrc-guard: this commit was NOT checked for npm credentials (" + why + "); to repair the hook,"
                + " run " + HookScript.REPAIR);
        return HookScript.NOT_CHECKED;
    }
}
