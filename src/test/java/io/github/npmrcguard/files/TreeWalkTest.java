package io.github.npmrcguard.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeWalkTest {
    @TempDir
    Path root;

    /**
     * The walk skips looking at entries once a folder's link count says every subfolder was seen; a folder
     * listed after many files, files named like pruned folders, and links to folders must not fool it.
     */
    @Test
    void findsEveryCandidateWhateverTheOrderOfFilesAndFolders() throws IOException {
        Random random = new Random(7);
        TreeSet<String> expected = new TreeSet<>();
        List<Path> folders = new ArrayList<>(List.of(root));
        for (int level = 0; level < 3; level++) {
            List<Path> next = new ArrayList<>();
            for (Path folder : folders) {
                for (int i = 0; i < 40; i++) {
                    Files.writeString(folder.resolve("file" + i + ".txt"), "x");
                }
                Files.writeString(folder.resolve("build"), "a file named like a pruned folder");
                Files.createSymbolicLink(folder.resolve("link-to-parent"), folder.getParent() == null
                        ? root : folder.getParent());
                for (int i = 0; i < 3; i++) {
                    Path sub = Files.createDirectory(folder.resolve("sub" + level + i));
                    next.add(sub);
                    if (random.nextInt(3) == 0) {
                        Files.writeString(sub.resolve(".npmrc"), "registry=https://r.example/\n");
                        expected.add(root.relativize(sub.resolve(".npmrc")).toString());
                    }
                }
                Files.createDirectories(folder.resolve("node_modules/pkg"));
                Files.writeString(folder.resolve("node_modules/pkg/.npmrc"), "never read\n");
            }
            folders = next;
        }
        Files.writeString(root.resolve(".npmrc"), "registry=https://r.example/\n");
        expected.add(".npmrc");

        TreeSet<String> found = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        TreeWalk.walk(root.toRealPath(), root.toRealPath(), p -> false, new TreeWalk.Visitor() {
            @Override
            public void candidate(String path, Path file) {
                found.add(path);
            }

            @Override
            public void problem(String path, String message) {
                problems.add(path + ": " + message);
            }
        });

        assertEquals(expected, found);
        assertEquals(List.of(), problems);
    }
}
