package io.github.npmrcguard.maven;

import io.github.npmrcguard.history.AllowedHistoryFinding;
import io.github.npmrcguard.history.HistoryRange;
import io.github.npmrcguard.history.HistoryResult;
import io.github.npmrcguard.history.HistoryScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

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
            throw new MojoExecutionException("npmrc-guard could not read the git history of " + scanRoot + ": "
                    + e.getMessage() + ". history needs the git CLI and a git repository; set npmrcguard.root to one.",
                    e);
        }
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
}
