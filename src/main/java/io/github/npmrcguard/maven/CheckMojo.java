package io.github.npmrcguard.maven;

import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.files.ScanSet;
import io.github.npmrcguard.files.ScanSetReader;
import io.github.npmrcguard.report.ConsoleReport;
import io.github.npmrcguard.report.LogLines;
import io.github.npmrcguard.report.SarifWriter;
import io.github.npmrcguard.rules.Rule;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.rules.Severity;
import io.github.npmrcguard.scan.AllowedFinding;
import io.github.npmrcguard.scan.Preflight;
import io.github.npmrcguard.scan.ScanResult;
import io.github.npmrcguard.scan.ScanSetSource;
import io.github.npmrcguard.scan.Scanner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Fails the build when a literal npm registry credential is committed in an {@code .npmrc},
 * {@code .yarnrc}, {@code .yarnrc.yml} or {@code bunfig.toml} anywhere under the scan root. "Committed"
 * is what git would commit: the staged content of tracked files and untracked files git does not ignore.
 * Runs once per build and root, whichever module gets there first; also runs without a pom.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = false)
public class CheckMojo extends AbstractGuardMojo {
    /** Skips only this goal. */
    @Parameter(property = "npmrcguard.check.skip", defaultValue = "false")
    boolean checkSkip;

    /**
     * Whether committed credentials fail the build. With {@code false} they are reported as errors in the
     * log and the SARIF file, and the build goes on.
     */
    @Parameter(property = "npmrcguard.fail", defaultValue = "true")
    boolean fail;

    /**
     * Where to write a SARIF 2.1.0 report (for GitHub code scanning and other viewers). In a project build it
     * defaults to {@code target/npmrc-guard.sarif} of the folder Maven was started in (also under {@code -pl});
     * without a pom no report is written unless this is set.
     */
    @Parameter(property = "npmrcguard.sarif")
    File sarif;

    /**
     * Installs or updates the git pre-commit hook of {@code install-hook} on each build, so that binding it in
     * the pom gives every developer the hook with their first build. {@code false} never removes one.
     */
    @Parameter(property = "npmrcguard.installHook", defaultValue = "false")
    boolean installHook;

    /** The project the goal runs in (a stand-in when there is no pom). */
    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Override
    String goal() {
        return "check";
    }

    @Override
    String goalSkipSwitch() {
        return checkSkip ? "npmrcguard.check.skip" : null;
    }

    @Override
    void run(Path scanRoot) throws MojoExecutionException, MojoFailureException {
        if (installHook) { // tested here so that a build without it does not load the installer's classes
            HookInstall.forCheck(getLog(), plugin, scanRoot, excludes, allowlist);
        }
        ScanResult result;
        try (ScanSetReader files = new ScanSetReader()) {
            // git walks the tree while the rules and settings below are made ready
            files.startEarly(scanRoot);
            getLog().info("npmrc-guard: scanning " + scanRoot);
            ScanSetSource source = new ScanSetSource() {
                @Override
                public ScanSet read(Path root, Predicate<String> excluded, Consumer<ScanFile> ready)
                        throws IOException {
                    return files.read(root, excluded, ready);
                }
            };
            Supplier<LocalDate> today = new Supplier<>() {
                @Override
                public LocalDate get() {
                    return LocalDate.now();
                }
            };
            result = new Scanner(source, rules()).scan(scanRoot, pathExcludes(), allowlist(), today);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "npmrc-guard could not list or read the files under " + scanRoot + ": " + e.getMessage()
                            + ". Set npmrcguard.root to a readable folder, or fix the cause.",
                    e);
        }
        // The report is written on a thread of its own while the findings are logged: both only read the result.
        SarifJob sarifJob = startSarif(result);
        // Each note says why the scan is not what it normally is (no git, a shallow history, ...): a warning.
        for (String note : result.notes()) {
            getLog().warn("npmrc-guard: " + note);
        }
        for (AllowedFinding a : result.allowed()) {
            getLog().info(ConsoleReport.allowedLine(a));
        }
        for (LogLines.Line line : LogLines.of(result.findings())) {
            if (line.severity() == Severity.ERROR) {
                getLog().error(line.text());
            } else {
                getLog().warn(line.text());
            }
        }
        finishSarif(sarifJob);
        if (result.errors().isEmpty()) {
            getLog().info(ConsoleReport.passSummary(result));
            return;
        }
        if (ConsoleReport.hasCredentials(result)) {
            getLog().error(runnable(ConsoleReport.remedy(result)));
        }
        if (!fail) {
            getLog().warn(runnable(ConsoleReport.failureSummary(result))
                    + " Not failing the build: npmrcguard.fail=false.");
            return;
        }
        throw new MojoFailureException(runnable(ConsoleReport.failureSummary(result)));
    }

    private List<Rule> rules() throws MojoFailureException {
        List<Rule> rules = new ArrayList<>(RuleCatalogue.rules());
        try {
            rules.addAll(Preflight.rules(preflight, System.getenv()));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage() + " (it is '" + preflight + "')");
        }
        return rules;
    }

    /** The SARIF report, started on a thread of its own; null when no report is asked for. */
    private record SarifJob(Path out, SarifWriter.Pending pending) {}

    private SarifJob startSarif(ScanResult result) {
        Path out = sarifFile();
        if (out == null) {
            return null;
        }
        return new SarifJob(
                out,
                new SarifWriter(plugin == null ? "unknown" : plugin.getVersion())
                        .startWriting(result.findings(), RuleCatalogue.infos(), out));
    }

    private void finishSarif(SarifJob job) throws MojoExecutionException {
        if (job == null) {
            return;
        }
        try {
            job.pending().await();
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "npmrc-guard could not write the SARIF report to " + job.out() + ": " + e.getMessage()
                            + ". Set npmrcguard.sarif to a writable file.",
                    e);
        }
        getLog().info("npmrc-guard: SARIF report written to " + job.out());
    }

    private Path sarifFile() {
        if (sarif != null) {
            return sarif.toPath().toAbsolutePath();
        }
        if (!session.getRequest().isProjectPresent() || session.getExecutionRootDirectory() == null) {
            return null;
        }
        // The execution root's target/, also under -pl, where the project there is not built: CI reads it there.
        Path executionRoot =
                Path.of(session.getExecutionRootDirectory()).toAbsolutePath().normalize();
        List<MavenProject> all = session.getAllProjects() != null ? session.getAllProjects() : session.getProjects();
        for (MavenProject p : all) {
            if (p.getBasedir() != null
                    && executionRoot.equals(
                            p.getBasedir().toPath().toAbsolutePath().normalize())) {
                return Path.of(p.getBuild().getDirectory(), "npmrc-guard.sarif");
            }
        }
        return executionRoot.resolve("target").resolve("npmrc-guard.sarif");
    }
}
