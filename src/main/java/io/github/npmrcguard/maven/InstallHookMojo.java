package io.github.npmrcguard.maven;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Installs a git pre-commit hook that runs the {@code check} rules on what is staged, without Maven, and
 * refuses the commit of a literal credential. It keeps an existing hook (husky, lefthook, a hand-written
 * one) and adds a line to it, or says which line to add; running it again updates only what changed. The
 * hook uses the excludes and allowlist configured for the plugin when it was installed.
 */
@Mojo(name = "install-hook", threadSafe = true, requiresProject = false)
public class InstallHookMojo extends AbstractGuardMojo {
    /** This plugin: its version and the jars the hook runs. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor plugin;

    @Override
    String goal() {
        return "install-hook";
    }

    @Override
    String goalSkipSwitch() {
        return null;
    }

    @Override
    void run(Path scanRoot) throws MojoExecutionException, MojoFailureException {
        allowlist(); // a malformed entry fails here, as it would in check
        try {
            HookInstall.install(getLog(), plugin, scanRoot, excludes, HookInstall.entries(allowlist));
        } catch (IOException e) {
            throw new MojoExecutionException("npmrc-guard could not install the pre-commit hook: " + e.getMessage(), e);
        }
    }
}
