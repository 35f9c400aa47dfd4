package io.github.npmrcguard.generate;

import io.github.npmrcguard.parse.ParseException;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.parse.TextDecoder;
import io.github.npmrcguard.parse.YarnrcYmlParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a module's frontend folders and the folder npm reads their project config from (research note
 * 1.2): the folder holding {@code package.json}, or for a workspace member the workspace root.
 *
 * <p>Frontend folders are those of the conventions frontend builds use: the module folder itself,
 * {@code src/main/frontend}, {@code src/main/webui} (Quarkus Quinoa), {@code frontend/}, and each configured
 * frontend-maven-plugin {@code workingDirectory}. Nothing under {@code node_modules} counts.
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

    /**
     * The folders of a module that hold a {@code package.json}, in the order of
     * {@link #CONVENTIONAL_FOLDERS} and then the working folders, without duplicates.
     */
    List<Path> frontendFolders(ModuleInput module, List<Message> messages) {
        Set<Path> found = new LinkedHashSet<>();
        for (String candidate : CONVENTIONAL_FOLDERS) {
            Path folder = module.moduleDirectory().resolve(candidate).normalize();
            if (hasPackageJson(folder) && !underNodeModules(folder)) {
                found.add(folder);
            }
        }
        for (Path working : module.workingDirectories()) {
            Optional<Path> folder = nearestPackageFolder(working, module.moduleDirectory());
            if (folder.isPresent() && !underNodeModules(folder.get())) {
                found.add(folder.get());
                if (!folder.get().equals(working)) {
                    messages.add(Message.info("workingDirectory " + display.of(working) + " has no package.json;"
                            + " npm run there uses " + display.of(folder.get()) + ", the nearest folder above it with one"));
                }
            } else {
                messages.add(Message.warning("workingDirectory " + display.of(working) + " has no package.json in it"
                        + " or above it within the module, so it is not a frontend the generator can configure"));
            }
        }
        return List.copyOf(found);
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
                    if (pkg.isPresent() && WorkspaceGlob.of(pkg.get().workspaces()).matches(relative)) {
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
            String text = new TextDecoder().decode(Files.readAllBytes(file)).text();
            List<String> packages = new ArrayList<>();
            for (Setting s : new YarnrcYmlParser().parse(text)) {
                if (s.key().equals("packages")) {
                    packages.add(s.value());
                }
            }
            return packages;
        } catch (IOException | ParseException e) {
            messages.add(Message.warning(display.of(file) + " was not read for workspace packages: it could not be"
                    + " parsed as YAML"));
            return List.of();
        }
    }

    /** The working folder itself or its nearest ancestor with a package.json, not above the module folder. */
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
