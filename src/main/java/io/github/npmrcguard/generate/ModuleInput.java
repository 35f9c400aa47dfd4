package io.github.npmrcguard.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One Maven module as the generator needs it: its folder, its build folder (where the user config goes),
 * and the {@code workingDirectory} values its frontend-maven-plugin executions set, if any.
 *
 * @param moduleDirectory    the module's base folder
 * @param buildDirectory     the module's build folder, usually {@code <module>/target}
 * @param workingDirectories frontend-maven-plugin working folders; relative ones are resolved against the
 *                           module folder
 */
public record ModuleInput(Path moduleDirectory, Path buildDirectory, List<Path> workingDirectories) {
    public ModuleInput {
        Objects.requireNonNull(moduleDirectory, "moduleDirectory");
        moduleDirectory = moduleDirectory.toAbsolutePath().normalize();
        buildDirectory = buildDirectory == null ? moduleDirectory.resolve("target")
                : moduleDirectory.resolve(buildDirectory).normalize();
        List<Path> resolved = new ArrayList<>();
        for (Path p : workingDirectories == null ? List.<Path>of() : workingDirectories) {
            resolved.add(moduleDirectory.resolve(p).normalize());
        }
        workingDirectories = List.copyOf(resolved);
    }

    /** A module with the default build folder {@code target} and no configured working folder. */
    public static ModuleInput of(Path moduleDirectory) {
        return new ModuleInput(moduleDirectory, null, List.of());
    }

    /** The same module with one more frontend-maven-plugin working folder. */
    public ModuleInput withWorkingDirectory(Path workingDirectory) {
        List<Path> all = new ArrayList<>(workingDirectories);
        all.add(workingDirectory);
        return new ModuleInput(moduleDirectory, buildDirectory, all);
    }

    /** The user config this module's frontend build reads through {@code NPM_CONFIG_USERCONFIG}. */
    public Path userConfigFile() {
        return buildDirectory.resolve("npmrc-guard").resolve("npmrc");
    }
}
