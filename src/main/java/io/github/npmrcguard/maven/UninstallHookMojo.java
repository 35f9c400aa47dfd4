package io.github.npmrcguard.maven;

import io.github.npmrcguard.files.GitPaths;
import io.github.npmrcguard.hook.HookInstaller;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/** Removes the pre-commit hook that {@code install-hook} installed, and nothing else. */
@Mojo(name = "uninstall-hook", threadSafe = true, requiresProject = false)
public class UninstallHookMojo extends AbstractGuardMojo {
    @Override
    String goal() {
        return "uninstall-hook";
    }

    @Override
    String goalSkipSwitch() {
        return null;
    }

    @Override
    void run(Path scanRoot) throws MojoExecutionException {
        try {
            HookInstaller.Outcome outcome =
                    new HookInstaller(GitPaths.fromEnvironment(System.getenv())).uninstall(scanRoot);
            for (String line : outcome.done()) {
                getLog().info("npmrc-guard: " + line);
            }
            if (outcome.done().isEmpty()) {
                getLog().info("npmrc-guard: no npmrc-guard pre-commit hook was installed");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("npmrc-guard could not remove the pre-commit hook: " + e.getMessage(), e);
        }
    }
}
