package io.github.npmrcguard.maven;

import io.github.npmrcguard.files.ScanSetReader;
import io.github.npmrcguard.fix.Fixer;
import io.github.npmrcguard.fix.VariableNames;
import io.github.npmrcguard.generate.GeneratorOptions;
import io.github.npmrcguard.generate.RegistrySpec;
import io.github.npmrcguard.parse.NerfDart;
import io.github.npmrcguard.scan.ScanResult;
import io.github.npmrcguard.scan.Scanner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Rewrites each committed literal credential that {@code check} reports to a placeholder, in the working
 * copy, changing no other byte of the file. Each value becomes the placeholder its client expands
 * (<code>${VAR}</code> in .npmrc, <code>"${VAR:-}"</code> in .yarnrc.yml, <code>"$VAR"</code> in
 * bunfig.toml); the variable is a configured registry's tokenVariable, NPM_TOKEN for registry.npmjs.org, and
 * otherwise named after the registry's host or scope, the rule generate uses (see the README). In the .npmrc
 * of a pnpm or yarn 1 frontend the token's line is removed and the module's user config written instead, as
 * generate places it. Credentials that cannot be rewritten safely, such as a
 * password inside a URL, are listed with the steps to take by hand. The tokens must still be revoked.
 */
@Mojo(name = "fix", threadSafe = true, requiresProject = false)
public class FixMojo extends AbstractGuardMojo {
    /** Shows what would change, and writes nothing. */
    @Parameter(property = "npmrcguard.dryRun", defaultValue = "false")
    boolean dryRun;

    @Override
    String goal() {
        return "fix";
    }

    @Override
    String goalSkipSwitch() {
        return null;
    }

    /** The configured registries' token variables, by the nerf dart their auth keys use. */
    private Map<String, String> tokenVariablesByNerfDart() throws MojoFailureException {
        Map<String, String> out = new HashMap<>();
        for (RegistryParameter r : registries == null ? List.<RegistryParameter>of() : registries) {
            if (r.tokenVariable == null || r.tokenVariable.isBlank()) {
                continue;
            }
            try {
                out.put(NerfDart.of(r.url), r.tokenVariable.strip());
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException("<registries>: " + e.getMessage());
            }
        }
        return out;
    }

    /** What the user config of a pnpm or yarn 1 frontend is written with: the configured registries. */
    private GeneratorOptions.Builder userConfigOptions() throws MojoFailureException {
        GeneratorOptions.Builder builder = GeneratorOptions.builder();
        try {
            for (RegistryParameter r : registries == null ? List.<RegistryParameter>of() : registries) {
                builder.registry(new RegistrySpec(r.url, r.scope, r.tokenVariable));
            }
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("<registries>: " + e.getMessage());
        }
        return builder;
    }

    @Override
    void run(Path scanRoot) throws MojoExecutionException, MojoFailureException {
        getLog().info("npmrc-guard: " + (dryRun ? "dry run: looking for" : "rewriting")
                + " committed credentials under " + scanRoot);
        Fixer.Report report;
        try {
            ScanResult result =
                    new Scanner(new ScanSetReader()::read).scan(scanRoot, pathExcludes(), allowlist(), LocalDate.now());
            report = new Fixer(new VariableNames(tokenVariablesByNerfDart()), userConfigOptions())
                    .fix(scanRoot, result, dryRun);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "npmrc-guard could not read or rewrite the files under " + scanRoot + ": " + e.getMessage()
                            + ". Check that the files are writable, or set npmrcguard.root.",
                    e);
        }
        report.fixed().forEach(f -> getLog().info(f.logLine(dryRun)));
        report.manual().forEach(m -> getLog().error(runnable(m.logLine())));
        report.notes().forEach(n -> getLog().warn(runnable(n)));
        if (report.fixed().isEmpty() && report.manual().isEmpty()) {
            getLog().info("npmrc-guard: no committed credentials to rewrite.");
            return;
        }
        if (!report.fixed().isEmpty()) {
            getLog().warn("npmrc-guard: " + (dryRun ? "would rewrite " : "rewrote ")
                    + report.fixed().size()
                    + " credential" + (report.fixed().size() == 1 ? "" : "s") + " in "
                    + report.filesChanged().size()
                    + " file" + (report.filesChanged().size() == 1 ? "" : "s")
                    + ". Revoke each of these tokens now: git history, and every clone and CI log that saw "
                    + "them, still hold them. Then set the variables in CI and commit the change.");
        }
        if (!report.manual().isEmpty()) {
            throw new MojoFailureException(
                    runnable("npmrc-guard: " + report.manual().size() + " committed credential"
                            + (report.manual().size() == 1 ? "" : "s") + " could not be rewritten automatically; "
                            + "follow the steps above, then run mvn npmrc-guard:check."));
        }
    }
}
