package io.github.npmrcguard.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                Files.createSymbolicLink(
                        folder.resolve("link-to-parent"), folder.getParent() == null ? root : folder.getParent());
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

    private void tree(int folders, int candidatesEvery) throws IOException {
        for (int i = 0; i < folders; i++) {
            Path folder = Files.createDirectories(root.resolve("m" + i + "/src"));
            Files.writeString(folder.resolve("A.java"), "x");
            if (i % candidatesEvery == 0) {
                Files.writeString(root.resolve("m" + i + "/.npmrc"), "registry=https://r.example/\n");
            }
        }
    }

    /** The candidates {@link #tree} writes. */
    private static TreeSet<String> candidates(int folders, int candidatesEvery) {
        TreeSet<String> paths = new TreeSet<>();
        for (int i = 0; i < folders; i += candidatesEvery) {
            paths.add("m" + i + "/.npmrc");
        }
        return paths;
    }

    private static class Recorder implements TreeWalk.Visitor {
        final TreeSet<String> found = new TreeSet<>();
        final List<Thread> threads = new ArrayList<>();

        @Override
        public void candidate(String path, Path file) {
            found.add(path);
            threads.add(Thread.currentThread());
        }

        @Override
        public void problem(String path, String message) {
            found.add("problem " + path + ": " + message);
            threads.add(Thread.currentThread());
        }
    }

    @Test
    void findsWhatTheTreeHoldsAndCallsTheVisitorOnTheCallersThread() throws IOException {
        tree(300, 7);
        Recorder aside = new Recorder();
        TreeWalk.walk(root.toRealPath(), root.toRealPath(), p -> p.equals("m7"), aside);

        TreeSet<String> expected = candidates(300, 7);
        expected.remove("m7/.npmrc");
        assertEquals(42, expected.size()); // 43 candidates, m7 excluded
        assertEquals(expected, aside.found);
        for (Thread t : aside.threads) {
            assertSame(Thread.currentThread(), t);
        }
    }

    @Test
    void sharesTheFoldersAmongItsThreads() throws Exception {
        tree(300, 7);
        // The thread that lists m0 waits there until another has tested a path: only a shared walk goes on.
        java.util.Set<Thread> testing = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.CountDownLatch another = new java.util.concurrent.CountDownLatch(1);
        Recorder aside = new Recorder();
        TreeWalk.walk(
                root.toRealPath(),
                root.toRealPath(),
                p -> {
                    testing.add(Thread.currentThread());
                    if (testing.size() > 1) {
                        another.countDown();
                    }
                    if (p.equals("m0/src")) {
                        try {
                            another.await(10, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return false;
                },
                aside);

        assertTrue(testing.size() >= 2, testing.size() + " thread(s) listed folders");
        assertEquals(candidates(300, 7), aside.found);
    }

    @Test
    void stopsTheWalkWhenTheVisitorThrows() throws Exception {
        tree(2000, 1);
        // The walk's threads are held from the third module on until the visitor has thrown: a walk that went on
        // would then test every one of the 2,000 src folders; a stopped one stops at its next candidate.
        java.util.concurrent.CountDownLatch visitorThrew = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger srcTested = new java.util.concurrent.atomic.AtomicInteger();
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> TreeWalk.walk(
                        root.toRealPath(),
                        root.toRealPath(),
                        p -> {
                            if (p.endsWith("/src") && srcTested.incrementAndGet() >= 3) {
                                try {
                                    visitorThrew.await(10, java.util.concurrent.TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                            return false;
                        },
                        new Recorder() {
                            @Override
                            public void candidate(String path, Path file) {
                                visitorThrew.countDown();
                                throw new IllegalStateException("visitor failed");
                            }
                        }));
        assertEquals("visitor failed", thrown.getMessage());
        assertTrue(walkThreadEnds(), "the walk's thread stops once nobody waits for it");
        assertTrue(srcTested.get() < 100, srcTested.get() + " src folders tested after the visitor threw");
    }

    @Test
    void rethrowsWhatFailsOnTheWalksThread() throws Exception {
        tree(50, 1);
        IllegalArgumentException thrown = assertThrows(
                IllegalArgumentException.class,
                () -> TreeWalk.walk(
                        root.toRealPath(),
                        root.toRealPath(),
                        p -> {
                            if (p.equals("m30")) {
                                throw new IllegalArgumentException("exclude failed");
                            }
                            return false;
                        },
                        new Recorder()));
        assertEquals("exclude failed", thrown.getMessage());
        assertTrue(walkThreadEnds());
    }

    private static boolean walkThreadEnds() throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            boolean alive = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("npmrc-guard walk") && t.isAlive());
            if (!alive) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
