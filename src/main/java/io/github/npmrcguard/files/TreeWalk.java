package io.github.npmrcguard.files;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The folder walk used where git does not answer: the whole root without git. Links are not followed (so a
 * link loop cannot trap it), and the folders {@link Pruned} names are never entered.
 */
final class TreeWalk {
    /** Receives what the walk finds. */
    interface Visitor {
        /** A file (or link) with a candidate name. */
        void candidate(String path, Path file);

        /** A candidate, or a folder, that could not be looked at. */
        void problem(String path, String message);
    }

    private TreeWalk() {}

    /**
     * File systems known to keep the Unix convention that a folder's link count is 2 plus its number of
     * subfolders (GNU find's "leaf optimisation" relies on the same). Elsewhere (btrfs, overlay, network and
     * FUSE file systems) every entry is looked at.
     */
    private static final Set<String> LINK_COUNT_FILE_SYSTEMS = Set.of("ext2", "ext3", "ext4", "xfs", "tmpfs");

    /**
     * Lists one folder: its candidates and problems to {@code visitor}, its subfolders to walk onto
     * {@code folders} and {@code paths}.
     */
    private static void list(
            Path folder,
            String folderPath,
            Object device,
            Predicate<String> excluded,
            Visitor visitor,
            ArrayDeque<Path> folders,
            ArrayDeque<String> paths) {
        long subfoldersLeft = device == null ? Long.MAX_VALUE : subfolders(folder, device);
        // Names as File.list gives them: one string an entry, where a directory stream makes two paths and
        // their byte arrays (the walk's garbage, three quarters of it, at a million files). A name this JVM
        // cannot decode comes back altered; that folder is listed again as paths, which keep the bytes.
        String[] names = folder.toFile().list();
        List<Path> asPaths = null;
        if (names == null || undecodable(names)) {
            try {
                asPaths = paths(folder);
            } catch (IOException e) {
                if (!(e instanceof NoSuchFileException)) { // else gone since its parent was listed
                    // An unlistable folder may hide candidates: say so rather than pass silently.
                    visitor.problem(
                            folderPath.isEmpty() ? "." : folderPath,
                            LongPaths.tooLong(folder, e)
                                    ? LongPaths.WALK_TOO_LONG
                                    : e instanceof AccessDeniedException
                                            ? "folder could not be listed: permission denied"
                                            : "folder could not be listed (I/O error)");
                }
                return;
            }
        }
        int count = asPaths == null ? names.length : asPaths.size();
        for (int i = 0; i < count; i++) {
            String name =
                    asPaths == null ? names[i] : asPaths.get(i).getFileName().toString();
            boolean candidate = FileKind.ofFileName(name) != null;
            if (!candidate && subfoldersLeft <= 0) {
                continue; // every subfolder seen: this is a file, and not one we read
            }
            Path entry = asPaths == null ? folder.resolve(name) : asPaths.get(i);
            String path = folderPath.isEmpty() ? name : folderPath + "/" + name;
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                continue; // gone since its folder was listed: nothing to read
            } catch (IOException e) {
                if (LongPaths.tooLong(entry, e) && !excluded.test(path)) {
                    // Neither its kind nor what lies under it can be known: never skip it silently.
                    visitor.problem(path, LongPaths.WALK_TOO_LONG);
                } else if (candidate && !excluded.test(path)) {
                    visitor.problem(
                            path,
                            e instanceof AccessDeniedException ? SafeReader.PERMISSION_DENIED : SafeReader.IO_ERROR);
                }
                continue;
            }
            if (attrs.isDirectory()) {
                subfoldersLeft--;
                if (!Pruned.folder(path) && !excluded.test(path)) {
                    folders.push(entry);
                    paths.push(path);
                }
            } else if (candidate && !excluded.test(path)) {
                visitor.candidate(path, entry);
            }
        }
    }

    /** How many threads list folders in {@link #walk}. */
    static final int WALKERS = 2;

    /**
     * Walks {@code start} (a folder at or under {@code realRoot}), reporting candidates with paths relative
     * to {@code realRoot}. The folders are listed on {@link #WALKERS} threads of their own, which share the
     * folders still to list; {@code visitor} is still called on this thread, as the walk finds each candidate,
     * so what it does with one (read it, check it) overlaps the rest of the walk instead of following it.
     * Candidates come in no particular order. {@code excluded} is tested on the walk's threads, so it must be
     * safe to call from several. When the visitor throws, the walk is stopped.
     *
     * <p>Cost: one directory listing per folder, and a look at an entry's type only when it may matter: its
     * name is a candidate's, or its folder still has subfolders not yet seen (from the folder's link count,
     * where the file system keeps it). In a folder of plain files that is no look at all, where
     * {@link Files#walkFileTree} looks at every entry. The walk keeps its own deque of folders, so depth costs no Java
     * stack.
     */
    static void walk(Path realRoot, Path start, Predicate<String> excluded, Visitor visitor) throws IOException {
        String startPath = start.equals(realRoot) ? "" : relative(realRoot, start);
        if (!startPath.isEmpty() && (Pruned.folder(startPath) || excluded.test(startPath))) {
            return;
        }
        Object device = linkCountsKept(start) ? device(start) : null;
        Folders work = new Folders(start, startPath);
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        Visitor toCaller = new Visitor() {
            @Override
            public void candidate(String path, Path file) {
                stopIfAsked();
                events.add(new Event(path, file, null, null));
            }

            @Override
            public void problem(String path, String message) {
                stopIfAsked();
                events.add(new Event(path, null, message, null));
            }

            private void stopIfAsked() {
                if (stop.get()) {
                    throw new Stopped();
                }
            }
        };
        for (int w = 0; w < WALKERS; w++) {
            Thread walker = new Thread("npmrc-guard walk") {
                @Override
                public void run() {
                    ArrayDeque<Path> found = new ArrayDeque<>();
                    ArrayDeque<String> foundPaths = new ArrayDeque<>();
                    try {
                        for (Folders.Item item = work.take(); item != null; item = work.take()) {
                            try {
                                list(item.folder(), item.path(), device, excluded, toCaller, found, foundPaths);
                            } finally {
                                work.done(found, foundPaths);
                            }
                        }
                        events.add(Event.END);
                    } catch (Stopped e) {
                        work.abandon(); // nobody waits for the rest
                    } catch (InterruptedException e) {
                        work.abandon();
                        events.add(new Event(null, null, null, new InterruptedIOException("walk interrupted")));
                    } catch (RuntimeException | Error e) {
                        work.abandon();
                        events.add(new Event(null, null, null, e));
                    }
                }
            };
            walker.setDaemon(true);
            walker.start();
        }
        int ended = 0;
        boolean finished = false;
        try {
            for (Event next = events.take(); next != Event.END || ++ended < WALKERS; next = events.take()) {
                if (next == Event.END) {
                    continue;
                }
                if (next.failure instanceof IOException e) {
                    throw e;
                } else if (next.failure instanceof RuntimeException e) {
                    throw e;
                } else if (next.failure instanceof Error e) {
                    throw e;
                } else if (next.file != null) {
                    visitor.candidate(next.path, next.file);
                } else {
                    visitor.problem(next.path, next.problem);
                }
            }
            finished = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while walking " + start);
        } finally {
            if (!finished) {
                stop.set(true);
                work.abandon();
            }
        }
    }

    /**
     * The folders a {@link #walk} still has to list, shared by its threads: a thread takes one, lists it,
     * and hands back its subfolders. The walk is over when none is left and none is being listed.
     */
    private static final class Folders {
        record Item(Path folder, String path) {}

        private final ArrayDeque<Path> folders = new ArrayDeque<>();
        private final ArrayDeque<String> paths = new ArrayDeque<>();
        /** Folders taken and not yet handed back. */
        private int listing;

        private boolean abandoned;

        Folders(Path start, String startPath) {
            folders.push(start);
            paths.push(startPath);
        }

        /** The next folder to list, or null when the walk is over (or abandoned). */
        synchronized Item take() throws InterruptedException {
            while (folders.isEmpty() && listing > 0 && !abandoned) {
                wait();
            }
            if (abandoned || folders.isEmpty()) {
                return null;
            }
            listing++;
            return new Item(folders.pop(), paths.pop());
        }

        /** Hands back a listed folder's subfolders (and empties the given deques). */
        synchronized void done(ArrayDeque<Path> found, ArrayDeque<String> foundPaths) {
            while (!found.isEmpty()) {
                folders.push(found.pollLast());
                paths.push(foundPaths.pollLast());
            }
            listing--;
            notifyAll();
        }

        /** Ends the walk for every thread: a failure, or a caller that stopped waiting. */
        synchronized void abandon() {
            abandoned = true;
            notifyAll();
        }
    }

    /** What the walk's thread found: a candidate, a problem, or its failure; {@link #END} when it is done. */
    private record Event(String path, Path file, String problem, Throwable failure) {
        static final Event END = new Event(null, null, null, null);
    }

    /** Unwinds a walk nobody waits for any more. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Whether a name came back from File.list with bytes this JVM's file name encoding could not decode. */
    private static boolean undecodable(String[] names) {
        for (String name : names) {
            if (name.indexOf('\uFFFD') >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The folder's entries as paths, which keep each name's own bytes; the listing's error as thrown. */
    private static List<Path> paths(Path folder) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path entry : stream) {
                entries.add(entry);
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return entries;
    }

    private static boolean linkCountsKept(Path folder) {
        try {
            return LINK_COUNT_FILE_SYSTEMS.contains(Files.getFileStore(folder).type());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Object device(Path folder) {
        try {
            return Files.getAttribute(folder, "unix:dev", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * How many subfolders {@code folder} has by its link count, or {@link Long#MAX_VALUE} when that cannot be
     * trusted: another file system mounted here, or a count below 2.
     */
    private static long subfolders(Path folder, Object device) {
        try {
            Map<String, Object> attrs = Files.readAttributes(folder, "unix:nlink,dev", LinkOption.NOFOLLOW_LINKS);
            if (!device.equals(attrs.get("dev")) || !(attrs.get("nlink") instanceof Integer links) || links < 2) {
                return Long.MAX_VALUE;
            }
            return links - 2L;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Long.MAX_VALUE;
        }
    }

    /** {@code file} relative to {@code root}, with {@code /} separators. */
    static String relative(Path root, Path file) {
        String rel = root.relativize(file).toString();
        return file.getFileSystem().getSeparator().equals("/")
                ? rel
                : rel.replace(file.getFileSystem().getSeparator(), "/");
    }
}
