package io.github.npmrcguard.maven;

import io.github.npmrcguard.history.AllowedHistoryFinding;
import io.github.npmrcguard.history.HistoryFinding;
import io.github.npmrcguard.history.HistoryRange;
import io.github.npmrcguard.history.HistoryResult;
import io.github.npmrcguard.history.HistoryScanner;
import io.github.npmrcguard.report.SarifWriter;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.RuleCatalogue;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Scans every commit reachable from any ref for npm config files that ever held a literal credential, and
 * fails when one did: removing a token from the files does not remove it from the history, so each one
 * found must be revoked. Reports each distinct secret once, at the commit that introduced it. A revoked
 * token is acknowledged by listing its fingerprint in {@code <allowlist>}, with the revocation as the
 * reason; history then passes again. Not bound to a phase: run it in CI or on demand,
 * {@code mvn npmrc-guard:history}.
 */
@Mojo(name = "history", threadSafe = true, requiresProject = false)
public class HistoryMojo extends AbstractGuardMojo {
    /**
     * Limits the scan: an ISO date ({@code 2025-01-01}: commits since then) or a commit range
     * ({@code v1.0..main}). By default every commit reachable from any ref.
     */
    @Parameter(property = "npmrcguard.history.since")
    String since;

    /** Whether a credential in the history fails the build ({@code false}: reported only). */
    @Parameter(property = "npmrcguard.fail", defaultValue = "true")
    boolean fail;

    /**
     * Where to write the SARIF 2.1.0 report of the history (the same format and rule metadata as {@code check}'s,
     * one result per distinct secret, at the file and line of the commit that introduced it). In a project build
     * it defaults to {@code target/npmrc-guard-history.sarif} of the top-level project; without a pom no report
     * is written unless this is set. A property of its own, not {@code npmrcguard.sarif}: a build that runs both
     * goals keeps both reports.
     */
    @Parameter(property = "npmrcguard.history.sarif")
    File sarif;

    /** This plugin, for its version in the SARIF report. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor plugin;

    @Override
    String goal() {
        return "history";
    }

    @Override
    String goalSkipSwitch() {
        return null;
    }

    @Override
    void run(Path scanRoot) throws MojoExecutionException, MojoFailureException {
        HistoryRange range;
        try {
            range = HistoryRange.parse(since, ZoneId.systemDefault());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("npmrcguard.history.since: " + e.getMessage());
        }
        getLog().info("npmrc-guard: scanning the git history of " + scanRoot);
        HistoryResult result;
        try {
            result = new HistoryScanner().scan(scanRoot, range, pathExcludes(), allowlist(), LocalDate.now());
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "npmrc-guard could not read the git history of " + scanRoot + ": " + e.getMessage()
                            + ". history needs the git CLI and a git repository; set npmrcguard.root to one.",
                    e);
        } catch (OutOfMemoryError e) {
            throw new MojoExecutionException(
                    "npmrc-guard ran out of memory scanning the git history of " + scanRoot
                            + " (Java heap of " + (Runtime.getRuntime().maxMemory() >> 20)
                            + " MiB). Give Maven more heap,"
                            + " e.g. MAVEN_OPTS=-Xmx1g, or scan less of the history with -Dnpmrcguard.history.since=<date"
                            + " or A..B>.",
                    e);
        }
        writeSarif(result);
        // Each note says why the scan is not what it normally is (no git, a shallow history, ...): a warning.
        result.notes().forEach(n -> getLog().warn("npmrc-guard: " + n));
        for (AllowedHistoryFinding a : result.allowed()) {
            getLog().info(a.logLine());
        }
        result.logLines().forEach(getLog()::error);
        getLog().info("npmrc-guard: " + result.summary());
        if (result.passed()) {
            return;
        }
        getLog().error(HistoryResult.REMEDY);
        String summary = "npmrc-guard: " + result.findings().size() + " credential"
                + (result.findings().size() == 1 ? "" : "s") + " in the git history. Revoke each one, then list its "
                + "fingerprint in <allowlist> with the revocation as the reason.";
        if (!fail) {
            getLog().warn(summary + " Not failing the build: npmrcguard.fail=false.");
            return;
        }
        throw new MojoFailureException(summary);
    }

    private void writeSarif(HistoryResult result) throws MojoExecutionException {
        Path out = sarifFile();
        if (out == null) {
            return;
        }
        List<Finding> findings = new ArrayList<>();
        for (HistoryFinding f : result.findings()) {
            findings.add(f.asFinding());
        }
        try {
            new SarifWriter(plugin == null ? "unknown" : plugin.getVersion())
                    .write(findings, RuleCatalogue.infos(), out);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "npmrc-guard could not write the SARIF report to " + out + ": " + e.getMessage()
                            + ". Set npmrcguard.history.sarif to a writable file.",
                    e);
        }
        getLog().info("npmrc-guard: SARIF report written to " + out);
    }

    private Path sarifFile() {
        if (sarif != null) {
            return sarif.toPath().toAbsolutePath();
        }
        MavenProject top = session.getTopLevelProject();
        if (top == null || top.getFile() == null || !session.getRequest().isProjectPresent()) {
            return null;
        }
        return Path.of(top.getBuild().getDirectory(), "npmrc-guard-history.sarif");
    }
}
