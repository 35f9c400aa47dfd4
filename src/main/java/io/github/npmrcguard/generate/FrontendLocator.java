package io.github.npmrcguard.generate;

import io.github.npmrcguard.parse.Json;
import io.github.npmrcguard.parse.ParseException;
import io.github.npmrcguard.parse.TextDecoder;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a module's frontend folders and the folder npm reads their project config from (research note
 * 1.2): the folder holding {@code package.json}, or for a workspace member the workspace root.
 *
 * <p>Frontend folders are found the way builds declare them: the folders frontend-maven-plugin and
 * exec-maven-plugin run a package manager in, Quarkus Quinoa's {@code ui-dir}, a Vaadin module's own folder,
 * the folders named in {@code <frontends>}, and any other folder of the module that holds a
 * {@code package.json}. Nothing under {@code node_modules} or the build folder counts.
 */
final class FrontendLocator {
    /** The conventional frontend folders, relative to the module folder. */
    static final List<String> CONVENTIONAL_FOLDERS = List.of("", "src/main/frontend", "src/main/webui", "frontend");

    static final String PNPM_WORKSPACE = "pnpm-workspace.yaml";

    private final Path boundary;
    private final PathDisplay display;

    /**
     * @param boundary the highest folder to look for a workspace root in (the project root), or null to look
     *                 up to the file system root as npm does
     * @param display  how to name folders in messages
     */
    FrontendLocator(Path boundary, PathDisplay display) {
        this.boundary = boundary == null ? null : boundary.toAbsolutePath().normalize();
        this.display = display;
    }

    /** The folders of a module that hold a {@code package.json}, as the three-argument form, with no other module. */
    List<Path> frontendFolders(ModuleInput module, List<Message> messages) {
        return frontendFolders(module, Set.of(), messages);
    }

    /**
     * The folders of a module that hold a {@code package.json}, without duplicates: the conventional ones
     * ({@link #CONVENTIONAL_FOLDERS}), the folders its build runs a package manager in, Quinoa's
     * {@code ui-dir}, the folders named in {@code <frontends>}, then any other folder of the module with a
     * {@code package.json} ({@link #walk}). A Vaadin module's folder counts even before its build writes the
     * {@code package.json} there. A folder under the build folder is build output: never a frontend.
     *
     * @param otherModules the folders of the build's other modules, whose own files are theirs
     */
    List<Path> frontendFolders(ModuleInput module, Collection<Path> otherModules, List<Message> messages) {
        Set<Path> found = new LinkedHashSet<>();
        Path moduleDirectory = module.moduleDirectory();
        for (String candidate : CONVENTIONAL_FOLDERS) {
            Path folder = moduleDirectory.resolve(candidate).normalize();
            if (hasPackageJson(folder) && !underNodeModules(folder)) {
                found.add(folder);
            }
        }
        if (module.vaadin()) {
            found.add(moduleDirectory);
            messages.add(Message.info(display.of(moduleDirectory) + ": the Vaadin build writes package.json here,"
                    + " next to pom.xml, and runs its package manager here; the config goes next to it"));
        }
        for (Path working : module.workingDirectories()) {
            if (buildOutput(module, working)) {
                messages.add(Message.info("workingDirectory " + display.of(working) + " is under the build folder:"
                        + " build output, not configured"));
                continue;
            }
            Optional<Path> folder = workingFolder(module, working);
            if (folder.isPresent()) {
                found.add(folder.get());
                if (!folder.get().equals(working)) {
                    messages.add(Message.info(
                            "workingDirectory " + display.of(working) + " has no package.json;" + " npm run there uses "
                                    + display.of(folder.get()) + ", the nearest folder above it with one"));
                }
            } else {
                messages.add(Message.warning("workingDirectory " + display.of(working) + " has no package.json in it"
                        + " (or above it within the module), so it is not a frontend the generator can configure"));
            }
        }
        for (QuinoaConfig.UiDir ui : QuinoaConfig.uiDirs(moduleDirectory, messages, display)) {
            if (hasPackageJson(ui.folder()) && !underNodeModules(ui.folder()) && !buildOutput(module, ui.folder())) {
                found.add(ui.folder());
            } else {
                messages.add(Message.warning(QuinoaConfig.KEY + " in " + display.of(ui.declaredIn()) + " names "
                        + display.of(ui.folder()) + ", which holds no package.json"));
            }
        }
        for (Path named : module.namedFolders()) {
            if (hasPackageJson(named) && !underNodeModules(named) && !buildOutput(module, named)) {
                found.add(named);
            } else {
                messages.add(Message.warning("<frontends> names " + display.of(named) + ", which holds no package.json"
                        + (underNodeModules(named) || buildOutput(module, named)
                                ? " outside node_modules and the build folder"
                                : "")));
            }
        }
        found.addAll(walk(module, otherModules));
        return List.copyOf(found);
    }

    /** Folders below which a {@code package.json} belongs to no frontend of the build. */
    private static final Set<String> NOT_FRONTENDS = Set.of("node_modules", "target", "bower_components");
    /** Test fixtures and archetype templates: copied or packaged, never installed where they are. */
    private static final List<String> FIXTURE_FOLDERS = List.of("src/test", "src/it");
    /** Project templates: Maven archetypes, Quarkus codestarts. */
    private static final Set<String> TEMPLATES = Set.of("archetype-resources", "codestarts");

    /**
     * Every folder of the module that holds a {@code package.json}, sorted, outside {@code node_modules}, the
     * build folder (and any {@code target}), hidden folders, test fixtures ({@code src/test}, {@code src/it}),
     * project templates, the other modules' folders and any folder with a {@code pom.xml} of its own (a project
     * this build does not include, such as a demo): see {@link #notAFrontendTree}. Below a folder with one (other than the module
     * folder) it does not look further: that frontend's own folders are its sources, or workspace members
     * {@link #localPrefix} finds their root for.
     */
    List<Path> walk(ModuleInput module, Collection<Path> otherModules) {
        Path moduleDirectory = module.moduleDirectory();
        Set<Path> others = new HashSet<>();
        for (Path p : otherModules) {
            others.add(p.toAbsolutePath().normalize());
        }
        List<Path> fixtures = new ArrayList<>();
        FIXTURE_FOLDERS.forEach(f -> fixtures.add(moduleDirectory.resolve(f)));
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(moduleDirectory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(moduleDirectory)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (others.contains(dir)
                            || fixtures.contains(dir)
                            || dir.equals(module.buildDirectory())
                            || notAFrontendTree(moduleDirectory, dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (hasPackageJson(dir) && !moduleTypeMarker(dir)) {
                        out.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // an unreadable folder holds no frontend we could configure
                }
            });
        } catch (IOException e) {
            // walkFileTree reports failures to the visitor; nothing else is expected here
        }
        out.sort(null);
        return out;
    }

    /**
     * Hidden folders, dependencies and build output, project templates (an archetype, a codestart, a
     * {@code src} folder inside the sources), and a folder with a {@code pom.xml} of its own (another build's,
     * in the reactor or not).
     */
    private static boolean notAFrontendTree(Path moduleDirectory, Path dir) {
        String name = dir.getFileName().toString();
        if (name.startsWith(".") || NOT_FRONTENDS.contains(name) || TEMPLATES.contains(name)) {
            return true;
        }
        if (name.equals("src")
                && moduleDirectory
                        .relativize(dir.getParent())
                        .toString()
                        .replace('\\', '/')
                        .matches("(.*/)?src(/.*)?")) {
            return true;
        }
        return Files.isRegularFile(dir.resolve("pom.xml"));
    }

    /** What a package.json that something installs or runs has; a file with none of it only marks a folder. */
    private static final Set<String> PACKAGE_FIELDS = Set.of(
            "name",
            "dependencies",
            "devDependencies",
            "optionalDependencies",
            "peerDependencies",
            "scripts",
            "packageManager",
            "workspaces");

    /**
     * Whether a folder's package.json only sets how Node reads the files there ({@code {"type": "commonjs"}}
     * in a build-tool folder), with no name, dependencies, scripts or workspaces: nothing installs there. A
     * file that cannot be read is not a marker: the frontend's own checks report it.
     */
    static boolean moduleTypeMarker(Path folder) {
        try {
            Path file = folder.resolve(PackageJson.FILE_NAME);
            if (Files.size(file) > 64 * 1024) {
                return false;
            }
            Object root = Json.parse(
                            new TextDecoder().decode(Files.readAllBytes(file)).text())
                    .orElse(null);
            if (!(root instanceof java.util.Map<?, ?> map)) {
                return false;
            }
            for (Object key : map.keySet()) {
                if (PACKAGE_FIELDS.contains(key)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | ParseException | RuntimeException e) {
            return false;
        }
    }

    private static boolean buildOutput(ModuleInput module, Path folder) {
        return folder.startsWith(module.buildDirectory());
    }

    /**
     * npm's local prefix for a folder holding {@code package.json}: the nearest ancestor whose
     * {@code package.json} {@code workspaces} globs, or whose {@code pnpm-workspace.yaml} {@code packages}
     * globs, match the folder; else the folder itself.
     */
    Path localPrefix(Path frontendFolder, List<Message> messages) {
        Path folder = frontendFolder.toAbsolutePath().normalize();
        for (Path dir = folder.getParent(); dir != null && withinBoundary(dir); dir = dir.getParent()) {
            String relative = relative(dir, folder);
            if (hasPackageJson(dir)) {
                try {
                    Optional<PackageJson> pkg = PackageJson.read(dir);
                    if (pkg.isPresent()
                            && WorkspaceGlob.of(pkg.get().workspaces()).matches(relative)) {
                        return dir;
                    }
                } catch (UneditableException e) {
                    messages.add(Message.warning(display.of(dir.resolve(PackageJson.FILE_NAME))
                            + " was not read for workspaces: " + e.getMessage()));
                }
            }
            if (Files.isRegularFile(dir.resolve(PNPM_WORKSPACE))
                    && WorkspaceGlob.of(pnpmPackages(dir, messages)).matches(relative)) {
                return dir;
            }
        }
        return folder;
    }

    private List<String> pnpmPackages(Path dir, List<Message> messages) {
        Path file = dir.resolve(PNPM_WORKSPACE);
        try {
            return WorkspaceMembers.pnpmPackages(dir);
        } catch (IOException | ParseException e) {
            messages.add(Message.warning(
                    display.of(file) + " was not read for workspace packages: it could not be" + " parsed as YAML"));
            return List.of();
        }
    }

    /** The working folder itself or its nearest ancestor with a package.json, not above the module folder. */
    /**
     * The frontend folder a build runs its package manager in from {@code working}: the nearest folder with a
     * {@code package.json} at or above it within the module, or, for a folder outside the module (a sibling
     * the build points at, {@code ../webapp}), that folder itself when it has one and is inside the project.
     */
    Optional<Path> workingFolder(ModuleInput module, Path working) {
        if (buildOutput(module, working)) {
            return Optional.empty();
        }
        Optional<Path> folder = working.startsWith(module.moduleDirectory())
                ? nearestPackageFolder(working, module.moduleDirectory())
                : Optional.of(working).filter(w -> hasPackageJson(w) && withinBoundary(w));
        return folder.filter(f -> !underNodeModules(f));
    }

    /** The folders {@code module}'s build runs a package manager in: theirs, whichever module's folder holds them. */
    Set<Path> declaredFolders(ModuleInput module) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path working : module.workingDirectories()) {
            workingFolder(module, working).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Path> nearestPackageFolder(Path working, Path moduleDirectory) {
        for (Path dir = working; dir != null && dir.startsWith(moduleDirectory); dir = dir.getParent()) {
            if (hasPackageJson(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private boolean withinBoundary(Path dir) {
        return boundary == null || dir.startsWith(boundary);
    }

    static boolean hasPackageJson(Path folder) {
        return Files.isRegularFile(folder.resolve(PackageJson.FILE_NAME));
    }

    static boolean underNodeModules(Path folder) {
        for (Path part : folder) {
            if (part.toString().equals("node_modules")) {
                return true;
            }
        }
        return false;
    }

    /** {@code folder} relative to {@code root}, with {@code /} separators. */
    static String relative(Path root, Path folder) {
        return root.relativize(folder).toString().replace('\\', '/');
    }
}
