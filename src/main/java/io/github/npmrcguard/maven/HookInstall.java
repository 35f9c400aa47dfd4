package io.github.npmrcguard.maven;

import io.github.npmrcguard.allow.AllowlistEntry;
import io.github.npmrcguard.files.GitPaths;
import io.github.npmrcguard.hook.HookArchive;
import io.github.npmrcguard.hook.HookConfig;
import io.github.npmrcguard.hook.HookInstaller;
import io.github.npmrcguard.hook.HookScript;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;

/** The Maven side of installing the pre-commit hook: this plugin's jars, the java of the build, the log. */
final class HookInstall {
    private HookInstall() {}

    /**
     * {@code check}'s {@code installHook}: installs or updates the hook, and never fails the build over it (a
     * build outside git, say): it warns, and the build's own check goes on.
     */
    static void forCheck(
            Log log,
            PluginDescriptor plugin,
            Path scanRoot,
            List<String> excludes,
            List<AllowlistEntryParameter> allowlist) {
        try {
            install(log, plugin, scanRoot, excludes, entries(allowlist));
        } catch (IOException | RuntimeException e) {
            log.warn("npmrc-guard: the pre-commit hook was not installed (installHook=true): "
                    + (e instanceof IOException ? e.getMessage() : "malformed <allowlist>")
                    + "; the build goes on");
        }
    }

    /**
     * Installs or updates the hook for the repository holding {@code scanRoot}.
     *
     * @throws IOException when there is no work tree or a file cannot be written; the message says which
     */
    static void install(
            Log log, PluginDescriptor plugin, Path scanRoot, List<String> excludes, List<AllowlistEntry> allowlist)
            throws IOException {
        GitPaths git = GitPaths.fromEnvironment(System.getenv());
        Path top = git.topLevel(scanRoot)
                .orElseThrow(
                        () -> new IOException(scanRoot + " is not in a git work tree (or git is not on the PATH)"));
        String root = top.relativize(scanRoot.toRealPath()).toString().replace(File.separatorChar, '/');
        HookConfig config =
                new HookConfig(root.isEmpty() ? "" : root + "/", excludes == null ? List.of() : excludes, allowlist);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<Path> jars = classpath(plugin);
        String script = HookScript.render(plugin.getVersion(), java, jars, File.pathSeparator);
        HookInstaller.Outcome outcome = new HookInstaller(git).install(top, script, config.toBytes());
        if (outcome.scriptWritten()) { // not on every build: where the JVM cannot make one, it would try each time
            HookArchive.make(java, jars, File.pathSeparator, outcome.scripts(), top);
        }
        for (String line : outcome.done()) {
            log.info("npmrc-guard: " + line);
        }
        if (outcome.lineToAdd() != null) {
            log.warn(outcome.lineToAdd());
        }
    }

    /** The allowlist parameters as entries; {@link AbstractGuardMojo#allowlist()} has already checked them. */
    static List<AllowlistEntry> entries(List<AllowlistEntryParameter> parameters) {
        List<AllowlistEntry> entries = new ArrayList<>();
        for (AllowlistEntryParameter p : parameters == null ? List.<AllowlistEntryParameter>of() : parameters) {
            entries.add(new AllowlistEntry(
                    p.fingerprint == null ? null : p.fingerprint.strip(),
                    p.reason,
                    p.expires == null || p.expires.isBlank() ? null : LocalDate.parse(p.expires.strip())));
        }
        return entries;
    }

    /** The plugin's own jar, then its runtime dependencies, as Maven resolved them into the local repository. */
    private static List<Path> classpath(PluginDescriptor plugin) throws IOException {
        Set<Path> jars = new LinkedHashSet<>();
        List<Artifact> artifacts = new ArrayList<>();
        if (plugin.getPluginArtifact() != null) {
            artifacts.add(plugin.getPluginArtifact());
        }
        if (plugin.getArtifacts() != null) {
            artifacts.addAll(plugin.getArtifacts());
        }
        for (Artifact a : artifacts) {
            File f = a.getFile();
            if (f != null && f.isFile()) {
                jars.add(f.toPath().toAbsolutePath());
            }
        }
        if (jars.isEmpty()) {
            throw new IOException("Maven named no jar for the plugin " + plugin.getId());
        }
        return new ArrayList<>(jars);
    }
}
