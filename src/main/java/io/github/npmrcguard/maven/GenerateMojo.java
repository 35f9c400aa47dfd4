package io.github.npmrcguard.maven;

import io.github.npmrcguard.generate.FileAction;
import io.github.npmrcguard.generate.FileChange;
import io.github.npmrcguard.generate.FolderModules;
import io.github.npmrcguard.generate.GenerationResult;
import io.github.npmrcguard.generate.Generator;
import io.github.npmrcguard.generate.GeneratorOptions;
import io.github.npmrcguard.generate.Message;
import io.github.npmrcguard.generate.ModuleInput;
import io.github.npmrcguard.generate.RegistrySpec;
import io.github.npmrcguard.scan.Preflight;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Writes the placeholder-based registry config each frontend module needs, where its package manager
 * reads it: {@code .npmrc} for npm, {@code .yarnrc.yml} for yarn 2+, {@code bunfig.toml} for bun; for pnpm
 * (which ignores placeholders in a project {@code .npmrc} from 10.34.2, and drops the whole file when one is
 * unset before that) and yarn 1 (which stops on an unset one) the registry lines go to the project
 * {@code .npmrc} and the token to a user config under {@code target/npmrc-guard/.npmrc}, whose path is set as
 * the project property {@code npmrcguard.userconfig.file} for {@code NPM_CONFIG_USERCONFIG}. Existing files are merged with
 * minimal line edits and never rewritten when nothing changes. Under {@code CI} no project file is written:
 * a project file that is not up to date fails the build instead (run the goal locally and commit). Bind it
 * to {@code validate}, before {@code check}, or run {@code mvn npmrc-guard:generate}. Without a pom (or from
 * a folder outside a project whose model Maven cannot build, with {@code npmrcguard.root}) the modules are the
 * scan root and every folder below it that holds a {@code pom.xml}.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = false)
public class GenerateMojo extends AbstractGuardMojo {
    /** The project property that holds the path of the generated user config, for NPM_CONFIG_USERCONFIG. */
    public static final String USERCONFIG_PROPERTY = io.github.npmrcguard.generate.BuildRun.USERCONFIG_PROPERTY;

    /** Skips only this goal. */
    @Parameter(property = "npmrcguard.generate.skip", defaultValue = "false")
    boolean generateSkip;

    /**
     * Also write the user config under {@code target/} (and set {@code npmrcguard.userconfig.file}) for
     * modules whose package manager reads a project file fine, not only for pnpm and yarn 1.
     */
    @Parameter(property = "npmrcguard.userconfig", defaultValue = "false")
    boolean userconfig;

    /** Shows the changes as a diff and writes nothing. */
    @Parameter(property = "npmrcguard.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Whether project config that is out of date in a CI build fails it ({@code false}: only reported). */
    @Parameter(property = "npmrcguard.fail", defaultValue = "true")
    boolean fail;

    /** This module (a stand-in when there is no pom). */
    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Override
    String goal() {
        return "generate";
    }

    @Override
    String goalSkipSwitch() {
        return generateSkip ? "npmrcguard.generate.skip" : null;
    }

    /** Runs for every module, so each sets its own property; the work itself happens once per build. */
    @Override
    boolean runOncePerRoot() {
        return false;
    }

    @Override
    void run(Path scanRoot) throws MojoExecutionException, MojoFailureException {
        Map<String, String> userConfigs =
                RunOncePerBuild.shared(session, "generate\0" + scanRoot, () -> userConfigsByModule(generate(scanRoot)));
        if (userConfigs == null || project == null || project.getBasedir() == null) {
            return;
        }
        String userConfig = userConfigs.get(
                project.getBasedir().toPath().toAbsolutePath().normalize().toString());
        if (userConfig != null) {
            project.getProperties().setProperty(USERCONFIG_PROPERTY, userConfig);
        }
    }

    /** Per module folder, its user config: as strings, since the other modules may run in another class realm. */
    private static Map<String, String> userConfigsByModule(GenerationResult result) {
        Map<String, String> out = new HashMap<>();
        result.userConfigs().forEach((module, file) -> out.put(module.toString(), file.toString()));
        return out;
    }

    private GenerationResult generate(Path scanRoot) throws MojoExecutionException, MojoFailureException {
        GeneratorOptions options;
        try {
            GeneratorOptions.Builder builder = GeneratorOptions.builder()
                    .userConfigForAll(userconfig)
                    .dryRun(dryRun)
                    .projectRoot(scanRoot)
                    .requireTokens(Preflight.fails(preflight, System.getenv()));
            for (RegistryParameter r : registries == null ? List.<RegistryParameter>of() : registries) {
                builder.registry(new RegistrySpec(r.url, r.scope, r.tokenVariable));
            }
            options = builder.build();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(
                    e.getMessage().startsWith("npmrcguard.") ? e.getMessage() : "<registries>: " + e.getMessage());
        }
        List<ModuleInput> modules =
                session.getRequest().isProjectPresent() ? reactorModules() : folderModules(scanRoot);
        GenerationResult result = new Generator(options).run(modules);
        for (FileChange change : result.files()) {
            getLog().info("npmrc-guard: " + change.summary());
            if (dryRun && !change.diff().isEmpty()) {
                for (String line : change.diff().split("\n")) {
                    getLog().info("  " + line);
                }
            }
        }
        for (Message m : result.messages()) {
            switch (m.level()) {
                case ERROR:
                    getLog().error("npmrc-guard: " + runnable(m.text()));
                    break;
                case WARNING:
                    getLog().warn("npmrc-guard: " + runnable(m.text()));
                    break;
                default:
                    getLog().info("npmrc-guard: " + runnable(m.text()));
            }
        }
        if (result.hasErrors()) {
            String summary = runnable(failureSummary(result));
            if (fail) {
                throw new MojoFailureException(summary);
            }
            getLog().warn(summary + " Not failing the build: npmrcguard.fail=false.");
        }
        return result;
    }

    /** What failed, and only the remedies that apply to it (each error line above says its own). */
    static String failureSummary(GenerationResult result) {
        List<String> remedies = new ArrayList<>();
        if (result.files().stream().anyMatch(f -> f.action() == FileAction.NOT_WRITTEN_CI)) {
            remedies.add("commit what mvn npmrc-guard:generate writes");
        }
        if (result.files().stream()
                .anyMatch(f -> f.role() == FileChange.Role.USER_CONFIG
                        && f.action() != FileAction.REFUSED // a write failure; else only a variable fails it
                        && f.messages().stream().anyMatch(m -> m.level() == Message.Level.ERROR))) {
            remedies.add("set the token variables the build needs");
        }
        return "npmrc-guard: generate found problems, listed above as errors"
                + (remedies.isEmpty() ? "." : ": " + String.join(", and ", remedies) + ".");
    }

    /** The reactor's modules, with the frontends their builds declare. */
    private List<ModuleInput> reactorModules() {
        List<ModuleInput> modules = new ArrayList<>();
        for (MavenProject p : session.getProjects()) {
            modules.add(FrontendDeclarations.of(p));
        }
        return modules;
    }

    /** Without a pom there is no Maven model: the modules come from the folder tree, as check's files do. */
    private List<ModuleInput> folderModules(Path scanRoot) throws MojoExecutionException {
        getLog().info("npmrc-guard: no Maven project to ask, so the modules are " + scanRoot
                + " and each folder below it with a pom.xml");
        try {
            return FolderModules.under(scanRoot);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "npmrc-guard could not list the folders under " + scanRoot + ": " + e.getMessage()
                            + ". Set npmrcguard.root to a readable folder.",
                    e);
        }
    }
}
