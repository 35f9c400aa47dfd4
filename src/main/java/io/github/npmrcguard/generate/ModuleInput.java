package io.github.npmrcguard.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One Maven module as the generator needs it: its folder, its build folder (where the user config goes),
 * and the frontend folders its build names.
 *
 * @param moduleDirectory    the module's base folder
 * @param buildDirectory     the module's build folder, usually {@code <module>/target}
 * @param workingDirectories the folders its build runs a package manager in (frontend-maven-plugin
 *                           {@code workingDirectory}, exec-maven-plugin running npm, pnpm, yarn, bun or npx);
 *                           relative ones are resolved against the module folder
 * @param namedFolders       the folders the user named in {@code <frontends>}, resolved the same way
 * @param vaadin             whether a Vaadin plugin builds the module (it writes {@code package.json} into the
 *                           module folder)
 * @param runs               the executions that run a package manager, for the user config hint
 */
public record ModuleInput(
        Path moduleDirectory,
        Path buildDirectory,
        List<Path> workingDirectories,
        List<Path> namedFolders,
        boolean vaadin,
        List<BuildRun> runs) {
    public ModuleInput {
        Objects.requireNonNull(moduleDirectory, "moduleDirectory");
        moduleDirectory = moduleDirectory.toAbsolutePath().normalize();
        buildDirectory = buildDirectory == null
                ? moduleDirectory.resolve("target")
                : moduleDirectory.resolve(buildDirectory).normalize();
        workingDirectories = resolve(moduleDirectory, workingDirectories);
        namedFolders = resolve(moduleDirectory, namedFolders);
        runs = runs == null ? List.of() : List.copyOf(runs);
    }

    /** A module whose build names no folder but its working folders. */
    public ModuleInput(Path moduleDirectory, Path buildDirectory, List<Path> workingDirectories) {
        this(moduleDirectory, buildDirectory, workingDirectories, List.of(), false, List.of());
    }

    private static List<Path> resolve(Path moduleDirectory, List<Path> paths) {
        List<Path> resolved = new ArrayList<>();
        for (Path p : paths == null ? List.<Path>of() : paths) {
            Path r = moduleDirectory.resolve(p).normalize();
            if (!resolved.contains(r)) {
                resolved.add(r);
            }
        }
        return List.copyOf(resolved);
    }

    /** A module with the default build folder {@code target} and no configured working folder. */
    public static ModuleInput of(Path moduleDirectory) {
        return new ModuleInput(moduleDirectory, null, List.of());
    }

    /** The same module with one more working folder. */
    public ModuleInput withWorkingDirectory(Path workingDirectory) {
        List<Path> all = new ArrayList<>(workingDirectories);
        all.add(workingDirectory);
        return new ModuleInput(moduleDirectory, buildDirectory, all, namedFolders, vaadin, runs);
    }

    /** The same module with one more folder named in {@code <frontends>}. */
    public ModuleInput withNamedFolder(Path folder) {
        List<Path> all = new ArrayList<>(namedFolders);
        all.add(folder);
        return new ModuleInput(moduleDirectory, buildDirectory, workingDirectories, all, vaadin, runs);
    }

    /** The same module, built by a Vaadin plugin or not. */
    public ModuleInput withVaadin(boolean built) {
        return new ModuleInput(moduleDirectory, buildDirectory, workingDirectories, namedFolders, built, runs);
    }

    /** The same module with one more run of a package manager. */
    public ModuleInput withRun(BuildRun run) {
        List<BuildRun> all = new ArrayList<>(runs);
        all.add(run);
        return new ModuleInput(moduleDirectory, buildDirectory, workingDirectories, namedFolders, vaadin, all);
    }

    /** The user config this module's frontend build reads through {@code NPM_CONFIG_USERCONFIG}. */
    public Path userConfigFile() {
        return buildDirectory.resolve("npmrc-guard").resolve(".npmrc");
    }
}
