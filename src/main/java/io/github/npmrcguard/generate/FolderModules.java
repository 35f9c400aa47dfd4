package io.github.npmrcguard.generate;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The modules of a project read from its folders, for a {@code generate} that has no Maven model to ask (no
 * pom, or a model Maven cannot build): the root, and every folder below it that holds a {@code pom.xml}.
 * Dependencies and build output are not entered, nor are links followed.
 */
public final class FolderModules {
    private static final Set<String> PRUNED = Set.of("node_modules", ".git", "target", "build", "dist");

    private FolderModules() {}

    /** The root first, then each folder with a pom, in path order. */
    public static List<ModuleInput> under(Path root) throws IOException {
        Path start = root.toAbsolutePath().normalize();
        List<Path> folders = new ArrayList<>();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(start) && PRUNED.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!dir.equals(start) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                    folders.add(dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // an unreadable folder holds no module we could write to
            }
        });
        folders.sort(null);
        List<ModuleInput> out = new ArrayList<>();
        out.add(ModuleInput.of(start));
        for (Path folder : folders) {
            out.add(ModuleInput.of(folder));
        }
        return out;
    }
}
