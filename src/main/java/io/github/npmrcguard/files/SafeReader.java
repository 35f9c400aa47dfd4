package io.github.npmrcguard.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads one working-tree file without ever blocking or leaving the scan root: attributes are checked
 * without following links before anything is opened, so a FIFO, socket or device named {@code .npmrc}
 * is never opened (opening a FIFO for reading waits for a writer forever); a symbolic link is read only
 * when its target is a regular file inside the root. Every failure becomes a message in our own words,
 * never an exception text (which could carry more than a path) and never content.
 */
final class SafeReader {
    /**
     * Config files are small: anything larger is not read into the heap, so a stray huge file cannot exhaust it;
     * it is only opened as a stream ({@link TooLarge}) for a search of token formats.
     */
    static final long MAX_BYTES = 16L << 20;

    static final String PERMISSION_DENIED = "permission denied: not read";
    static final String VANISHED = "vanished while the scan ran";
    static final String LINK_OUT_OF_ROOT = "symbolic link to a file outside the scan root: not read";
    static final String LINK_INTO_PRUNED = "symbolic link into node_modules or .git: not read";
    static final String LINK_MISSING = "symbolic link to a missing file: not read";
    static final String LINK_UNRESOLVED = "symbolic link that does not resolve (a loop?): not read";
    static final String LINK_NOT_FILE = "symbolic link to something other than a regular file: not read";
    static final String NOT_REGULAR = "not a regular file (a pipe, socket or device): not read";
    static final String UNDER_LINK_OUT_OF_ROOT =
            "in a folder reached through a symbolic link out of the scan root: not read";
    static final String IO_ERROR = "could not be read (I/O error): not read";

    /** Reads a regular file's bytes, at most {@code limit + 1} of them; a seam for tests. */
    @FunctionalInterface
    interface ContentSource {
        byte[] read(Path regularFile, long limit) throws IOException;
    }

    /** The real thing: opened without following a link, in case the file was swapped for one since the check. */
    static final ContentSource FILES = new ContentSource() {
        @Override
        public byte[] read(Path regularFile, long limit) throws IOException {
            return readFile(regularFile, limit);
        }
    };

    /**
     * Up to {@code limit + 1} bytes of a file, so that the caller sees when it holds more. Read straight into
     * a buffer of the file's size (plus one, to see it grew), not through a stream: most files are a few
     * hundred bytes and fit one read.
     */
    private static byte[] readFile(Path file, long limit) throws IOException {
        int max = (int) Math.min(Integer.MAX_VALUE - 16, limit + 1);
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(max, Math.max(ch.size() + 1, 64)));
            while (true) {
                if (!buffer.hasRemaining()) {
                    if (buffer.capacity() >= max) {
                        break;
                    }
                    ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(max, buffer.capacity() * 2L));
                    buffer.flip();
                    bigger.put(buffer);
                    buffer = bigger;
                }
                if (ch.read(buffer) < 0) {
                    break;
                }
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    /** What reading one file gave. */
    sealed interface Outcome permits Content, TooLarge, Missing, NotAFile, Problem {}

    /** The file's bytes. */
    record Content(byte[] bytes) implements Outcome {}

    /**
     * A regular file over {@link #MAX_BYTES}, not read: {@link #open} streams it.
     *
     * @param target the file to open: the path itself, or a link's target inside the root
     * @param size   its size when it was looked at
     */
    record TooLarge(Path target, long size) implements Outcome {}

    /** Nothing at that path (any more). */
    record Missing() implements Outcome {}

    /** A directory: not a file, nothing to report. */
    record NotAFile() implements Outcome {}

    /** Not read, for the reason given. */
    record Problem(String message, boolean blocking) implements Outcome {}

    private final Path realRoot;
    private final ContentSource source;
    private final Map<Path, Boolean> insideRoot = new HashMap<>();

    /** @param realRoot the scan root with every link resolved ({@link Path#toRealPath}) */
    SafeReader(Path realRoot, ContentSource source) {
        this.realRoot = realRoot;
        this.source = source;
    }

    /**
     * Reads {@code file}.
     *
     * @param committed whether this version counts as committed content: only then is a file that cannot
     *                  be read a blocking problem (the scan fails closed); a symbolic link never is
     */
    Outcome read(Path file, boolean committed) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new Missing();
        } catch (AccessDeniedException e) {
            return new Problem(PERMISSION_DENIED, committed);
        } catch (IOException e) {
            return new Problem(LongPaths.tooLong(file, e) ? LongPaths.PATH_TOO_LONG : IO_ERROR, committed);
        }
        Path target = file;
        if (attrs.isSymbolicLink()) {
            try {
                target = file.toRealPath();
            } catch (NoSuchFileException e) {
                return new Problem(LINK_MISSING, false);
            } catch (IOException e) {
                return new Problem(LINK_UNRESOLVED, false);
            }
            if (!target.startsWith(realRoot)) {
                return new Problem(LINK_OUT_OF_ROOT, false);
            }
            String inRoot = TreeWalk.relative(realRoot, target);
            if (Pruned.underNodeModules(inRoot) || inRoot.startsWith(".git/") || inRoot.contains("/.git/")) {
                // A package's file, or git's own config (which may hold a remote URL): never project config.
                return new Problem(LINK_INTO_PRUNED, false);
            }
            try {
                attrs = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                return new Problem(LINK_UNRESOLVED, false);
            }
            if (!attrs.isRegularFile()) {
                return new Problem(LINK_NOT_FILE, false);
            }
        } else if (attrs.isDirectory()) {
            return new NotAFile();
        } else if (!attrs.isRegularFile()) {
            return new Problem(NOT_REGULAR, false);
        } else if (!parentInsideRoot(file)) {
            // A tracked path whose folder was replaced by a link: git lists it, but it leads elsewhere.
            return new Problem(UNDER_LINK_OUT_OF_ROOT, false);
        }
        if (attrs.size() > MAX_BYTES) {
            return new TooLarge(target, attrs.size());
        }
        byte[] bytes;
        try {
            bytes = source.read(target, MAX_BYTES);
        } catch (NoSuchFileException e) {
            return new Missing();
        } catch (AccessDeniedException e) {
            return new Problem(PERMISSION_DENIED, committed);
        } catch (IOException e) {
            return new Problem(LongPaths.tooLong(target, e) ? LongPaths.PATH_TOO_LONG : IO_ERROR, committed);
        }
        if (bytes.length > MAX_BYTES) {
            return new TooLarge(target, bytes.length); // it grew since it was looked at
        }
        return new Content(bytes);
    }

    /**
     * Opens a {@link TooLarge} file as a stream, without following a link (a link's target was resolved and
     * checked already), in case the file was swapped for one since the check.
     */
    static InputStream open(Path target) throws IOException {
        return Files.newInputStream(target, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean resolvesToItself(Path dir) {
        try {
            return dir.toRealPath().equals(dir);
        } catch (IOException e) {
            return false; // decided a folder at a time below
        }
    }

    private boolean parentInsideRoot(Path file) {
        Path parent = file.getParent();
        return parent == null || insideRoot(parent);
    }

    /**
     * Whether a folder's real path is under the real root. A folder that is no link, in a folder that is
     * under it, is under it too: one look at the folder (its parents are remembered) instead of resolving
     * every part of its path. Anything else is resolved.
     */
    private boolean insideRoot(Path dir) {
        // The folders up to one already known (or the root), then each decided from its parent, downwards.
        ArrayDeque<Path> unknown = new ArrayDeque<>();
        Boolean inside = null;
        for (Path d = dir; d != null; d = d.getParent()) {
            inside = d.equals(realRoot) ? Boolean.TRUE : insideRoot.get(d);
            if (inside != null || !d.startsWith(realRoot)) {
                break;
            }
            unknown.push(d);
        }
        if (unknown.isEmpty()) {
            if (inside == null) { // not lexically under the real root (a root reached through a link)
                inside = resolvedInside(dir);
                insideRoot.put(dir, inside);
            }
            return inside;
        }
        boolean parentInside = inside != null && inside;
        if (parentInside && unknown.size() > 1 && resolvesToItself(dir)) {
            // Its real path is its path: no folder between it and the one known to be inside is a link. One
            // call resolves them all (a module's frontend folder and the module), instead of a look at each.
            for (Path d : unknown) {
                insideRoot.put(d, Boolean.TRUE);
            }
            return true;
        }
        boolean last = false;
        while (!unknown.isEmpty()) {
            Path d = unknown.pop();
            last = parentInside && !Files.isSymbolicLink(d) || resolvedInside(d);
            insideRoot.put(d, last);
            parentInside = last;
        }
        return last;
    }

    private boolean resolvedInside(Path dir) {
        try {
            return dir.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return true; // the read itself will say what is wrong
        }
    }
}
