package io.github.npmrcguard.generate;

import io.github.npmrcguard.parse.ParseException;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.parse.TextDecoder;
import io.github.npmrcguard.parse.YarnrcYmlParser;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The member folders of a workspace root: those below it, holding a {@code package.json}, that its globs
 * match ({@code workspaces} in its {@code package.json}, npm's array or yarn's {@code {"packages": [...]}},
 * and {@code packages} in {@code pnpm-workspace.yaml}). Dependencies, build output and hidden folders are not
 * looked in.
 */
final class WorkspaceMembers {
    /** Deep enough for any layout seen; a bound on the walk in a tree that is not what it seems. */
    private static final int MAX_DEPTH = 8;

    private WorkspaceMembers() {}

    /** The members, sorted; none when the folder is no workspace root or its globs cannot be read. */
    static List<Path> of(Path root) {
        List<String> globs = new ArrayList<>();
        try {
            PackageJson.read(root).ifPresent(p -> globs.addAll(p.workspaces()));
        } catch (UneditableException e) {
            // reported where the package manager is detected
        }
        if (Files.isRegularFile(root.resolve(FrontendLocator.PNPM_WORKSPACE))) {
            try {
                globs.addAll(pnpmPackages(root));
            } catch (IOException | ParseException e) {
                // reported where the frontend's local prefix is looked for
            }
        }
        if (globs.isEmpty()) {
            return List.of();
        }
        WorkspaceGlob glob = WorkspaceGlob.of(globs);
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(
                    root, EnumSet.noneOf(FileVisitOption.class), depth(globs) + 1, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (dir.equals(root)) {
                                return FileVisitResult.CONTINUE;
                            }
                            String name = dir.getFileName().toString();
                            if (name.startsWith(".") || name.equals("node_modules") || name.equals("target")) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (FrontendLocator.hasPackageJson(dir)
                                    && glob.matches(FrontendLocator.relative(root, dir))) {
                                out.add(dir);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE; // an unreadable folder holds no member we could read
                        }
                    });
        } catch (IOException e) {
            // walkFileTree reports failures to the visitor
        }
        out.sort(null);
        return out;
    }

    /**
     * How deep a member can be: as many folders as the longest glob has, unless one spans folders (the walk
     * goes one deeper, since it hands the folders at its limit to visitFile, not preVisitDirectory).
     */
    private static int depth(List<String> globs) {
        int depth = 1;
        for (String g : globs) {
            if (g.contains("**")) {
                return MAX_DEPTH;
            }
            String path =
                    g.strip().replaceFirst("^!", "").replaceAll("^(\\./)+", "").replaceAll("/+$", "");
            depth = Math.max(depth, path.split("/").length);
        }
        return Math.min(depth, MAX_DEPTH);
    }

    /** The {@code packages} globs of a folder's {@code pnpm-workspace.yaml}. */
    static List<String> pnpmPackages(Path dir) throws IOException, ParseException {
        String text = new TextDecoder()
                .decode(Files.readAllBytes(dir.resolve(FrontendLocator.PNPM_WORKSPACE)))
                .text();
        List<String> packages = new ArrayList<>();
        for (Setting s : new YarnrcYmlParser().parse(text)) {
            if (s.key().equals("packages")) {
                packages.add(s.value());
            }
        }
        return packages;
    }
}
