package io.github.npmrcguard.maven;

import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.allow.AllowlistEntry;
import io.github.npmrcguard.allow.PathExcludes;
import io.github.npmrcguard.files.GitWorkTree;
import io.github.npmrcguard.scan.ScanRoot;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every npmrc-guard goal shares: the skip switch, the scan root, path excludes and the allowlist.
 * Subclasses turn these into one call of a plain class and its result into log lines.
 */
abstract class AbstractGuardMojo extends AbstractMojo {
    /** Skips every npmrc-guard goal. */
    @Parameter(property = "npmrcguard.skip", defaultValue = "false")
    boolean skip;

    /**
     * The folder to scan. By default the git work tree that holds the folder Maven was started in, else
     * the multi-module root, else the current folder.
     */
    @Parameter(property = "npmrcguard.root")
    File root;

    /**
     * Ant-style path globs, relative to the scan root, of files and folders not to scan, e.g.
     * {@code <exclude>docs/examples/**</exclude>}. {@code node_modules} is never scanned.
     */
    @Parameter
    List<String> excludes = new ArrayList<>();

    /**
     * Deliberate exceptions, one {@code <entry>} per secret: {@code <fingerprint>} (the 8 hex digits a
     * finding shows), {@code <reason>} (required), and optionally {@code <expires>} (an ISO date after
     * which the finding fails the build again). For one line, a comment
     * {@code # npmrc-guard:allow <reason>} directly above it does the same.
     */
    @Parameter
    List<AllowlistEntryParameter> allowlist = new ArrayList<>();

    /**
     * The registries the project uses, each {@code <registry>} with {@code <url>}, optionally {@code <scope>}
     * ({@code @acme}) and {@code <tokenVariable>} (by default {@code NPM_TOKEN} for the public registry and
     * one named after the host for any other, {@code NPM_ACME_EXAMPLE_TOKEN}). {@code generate} writes
     * config for them (without any, it uses the {@code registry=} and {@code @scope:registry=} lines already
     * in a module's {@code .npmrc}, else writes no registry or token line); {@code fix} names a rewritten
     * token by the same rule.
     */
    @Parameter
    List<RegistryParameter> registries = new ArrayList<>();

    /**
     * Frontend folders the build does not declare in a way {@code generate} reads, relative to the module
     * whose configuration names them, e.g. {@code <frontends><frontend>ui</frontend></frontends>} for a
     * {@code ui/} folder that is not a Maven module, or {@code ../client}. {@code generate} already finds the
     * folders frontend-maven-plugin and exec-maven-plugin run a package manager in, Quarkus Quinoa's
     * {@code quarkus.quinoa.ui-dir}, a Vaadin module's folder, and any folder of a module holding a
     * {@code package.json} outside {@code node_modules}, {@code target}, {@code src/test} and {@code src/it}.
     */
    @Parameter
    List<String> frontends = new ArrayList<>();

    /**
     * The CI preflight: every environment variable that a credential placeholder reads must be set,
     * non-empty and free of whitespace ({@code check}: in committed files; {@code generate}: in the user
     * config it writes). {@code auto}: an error in CI (the {@code CI} variable, or Jenkins', Azure's,
     * GitLab's own markers), a warning elsewhere; {@code always}: an error everywhere; {@code off}: not
     * checked.
     */
    @Parameter(property = "npmrcguard.preflight", defaultValue = "auto")
    String preflight;

    /** The build, for the execution root and for scanning once per build. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** This plugin, for its coordinates and version in the commands the log suggests. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor plugin;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("npmrc-guard: skipped (npmrcguard.skip=true)");
            return;
        }
        String goalSkip = goalSkipSwitch();
        if (goalSkip != null) {
            getLog().info("npmrc-guard: " + goal() + " skipped (" + goalSkip + "=true)");
            return;
        }
        Path scanRoot = scanRoot();
        if (runOncePerRoot() && !RunOncePerBuild.first(session, goal(), scanRoot.toString())) {
            // DEBUG: in a large reactor an INFO line here would repeat for every module.
            getLog().debug("npmrc-guard: " + scanRoot + " already scanned by " + goal() + " in this build");
            return;
        }
        run(scanRoot);
    }

    /** The goal's name, for log lines and run-once bookkeeping. */
    abstract String goal();

    /** The goal's own skip property name when it is set, else null. */
    abstract String goalSkipSwitch();

    /** Whether only the first module of a build runs the goal for a root (the others log that it ran). */
    boolean runOncePerRoot() {
        return true;
    }

    /** Does the goal's work once for this root. */
    abstract void run(Path scanRoot) throws MojoExecutionException, MojoFailureException;

    /**
     * The text with each {@code mvn npmrc-guard:<goal>} in it written so that it runs from where the user is:
     * Maven resolves the prefix only from the plugins the project there declares (and the plugin groups of the
     * settings); elsewhere, as on a first try without a plugin block, the command needs the full coordinates.
     */
    String runnable(String text) {
        if (plugin == null || !text.contains(SHORT_COMMAND) || prefixResolves()) {
            return text;
        }
        return text.replace(
                SHORT_COMMAND,
                "mvn " + plugin.getGroupId() + ':' + plugin.getArtifactId() + ':' + plugin.getVersion() + ':');
    }

    private static final String SHORT_COMMAND = "mvn npmrc-guard:";

    private boolean prefixResolves() {
        if (session.getPluginGroups() != null && session.getPluginGroups().contains(plugin.getGroupId())) {
            return true;
        }
        if (!session.getRequest().isProjectPresent() || session.getExecutionRootDirectory() == null) {
            return false;
        }
        Path executionRoot =
                Path.of(session.getExecutionRootDirectory()).toAbsolutePath().normalize();
        List<MavenProject> all = session.getAllProjects() != null ? session.getAllProjects() : session.getProjects();
        for (MavenProject p : all) {
            if (p.getBasedir() == null
                    || !executionRoot.equals(
                            p.getBasedir().toPath().toAbsolutePath().normalize())) {
                continue;
            }
            Build build = p.getModel().getBuild();
            if (build == null) {
                return false;
            }
            String key = plugin.getGroupId() + ':' + plugin.getArtifactId();
            List<Plugin> declared = new ArrayList<>(build.getPlugins());
            if (build.getPluginManagement() != null) {
                declared.addAll(build.getPluginManagement().getPlugins());
            }
            return declared.stream().anyMatch(d -> key.equals(d.getKey()));
        }
        return false;
    }

    Path scanRoot() {
        Path executionRoot =
                session.getExecutionRootDirectory() == null ? null : Path.of(session.getExecutionRootDirectory());
        File multiModule = session.getRequest().getMultiModuleProjectDirectory();
        return ScanRoot.resolve(
                root == null ? null : root.toPath(),
                executionRoot,
                multiModule == null ? null : multiModule.toPath(),
                new Function<Path, Optional<Path>>() {
                    @Override
                    public Optional<Path> apply(Path dir) {
                        return GitWorkTree.topLevel(dir);
                    }
                });
    }

    PathExcludes pathExcludes() {
        return new PathExcludes(excludes == null ? List.of() : excludes);
    }

    /** The configured allowlist; a malformed entry is a configuration error naming the setting. */
    Allowlist allowlist() throws MojoFailureException {
        List<AllowlistEntry> entries = new ArrayList<>();
        int index = 0;
        for (AllowlistEntryParameter p : allowlist == null ? List.<AllowlistEntryParameter>of() : allowlist) {
            index++;
            LocalDate expires = null;
            if (p.expires != null && !p.expires.isBlank()) {
                try {
                    expires = LocalDate.parse(p.expires.strip());
                } catch (DateTimeParseException e) {
                    throw new MojoFailureException(
                            "<allowlist> entry " + index + ": <expires> must be an ISO date such as 2027-03-31");
                }
            }
            entries.add(new AllowlistEntry(p.fingerprint == null ? null : p.fingerprint.strip(), p.reason, expires));
        }
        try {
            return new Allowlist(entries);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }
}
