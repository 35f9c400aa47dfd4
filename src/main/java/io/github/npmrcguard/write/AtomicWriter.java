package io.github.npmrcguard.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replaces a file's content so that readers see either the old bytes or the new ones, never a mix: the new
 * bytes go to a temporary file beside the target, are forced to disk, and the temporary file is then moved
 * over the target atomically (or, where the file system cannot, replacing it). The target keeps its POSIX
 * permissions, owner and group (a rewrite it may not give the old owner is refused); a private file gets
 * owner read/write only from the moment it exists.
 *
 * <p>Bytes equal to the file's current content are not written at all, so the file's modification time
 * stays as it was.
 */
public final class AtomicWriter {
    private static final Set<PosixFilePermission> PRIVATE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final AtomicLong COUNTER = new AtomicLong();

    /** Creates a writer; it holds no state. */
    public AtomicWriter() {}

    /**
     * Writes {@code bytes} to {@code target} unless it already holds exactly them.
     *
     * @param target      the file; its folder must exist; it must not be a symbolic link
     * @param bytes       the full new content
     * @param privateFile true for a file only its owner may read (mode 0600, whether new or existing); false
     *                    to keep an existing file's permissions, or give a new one the process default
     * @return true when the file was written, false when it already held these bytes
     * @throws IOException when writing fails; the target is then unchanged and no temporary file is left
     */
    public boolean write(Path target, byte[] bytes, boolean privateFile) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new IOException(target.getFileName() + " is a symbolic link; not replaced");
        }
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (exists && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return false;
        }
        Path folder = target.toAbsolutePath().getParent();
        Set<PosixFilePermission> permissions = privateFile ? PRIVATE : exists ? posixPermissions(target) : null;
        PosixFileAttributes owners = exists ? posixAttributes(target) : null;
        Path temp = createTemp(folder, target.getFileName().toString(), privateFile);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (owners != null && view != null) {
                keepOwners(view, owners, target);
            }
            if (permissions != null && view != null) {
                view.setPermissions(permissions); // after chown, which may clear set-id bits
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncFolder(folder);
        return true;
    }

    /** A new empty file beside the target, named so that it is recognisably a leftover if the JVM dies. */
    private static Path createTemp(Path folder, String name, boolean privateFile) throws IOException {
        boolean posix = Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class);
        FileAttribute<?>[] attributes = privateFile && posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PRIVATE)}
                : new FileAttribute<?>[0];
        for (int attempt = 0; ; attempt++) {
            // Created exclusively (CREATE_NEW semantics), so a name someone else took is retried, never reused.
            Path temp =
                    folder.resolve("." + name + "." + ProcessHandle.current().pid() + "-"
                            + Long.toHexString(System.nanoTime()) + "-" + COUNTER.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(temp, attributes);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /** The file's owner and group, or null on a file system without them. */
    private static PosixFileAttributes posixAttributes(Path file) throws IOException {
        PosixFileAttributeView view =
                Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        return view == null ? null : view.readAttributes();
    }

    /**
     * Gives the new file the old one's owner and group. The temporary file belongs to this process's user;
     * renamed over a file another user owns (a build run as root or in a container), it would hand that
     * file to us. Where we may not chown (not root, not the owner), the target is left untouched.
     */
    private static void keepOwners(PosixFileAttributeView temp, PosixFileAttributes old, Path target)
            throws IOException {
        PosixFileAttributes now = temp.readAttributes();
        try {
            if (!now.owner().equals(old.owner())) {
                temp.setOwner(old.owner());
            }
            if (!now.group().equals(old.group())) {
                temp.setGroup(old.group());
            }
        } catch (IOException e) {
            throw new IOException(
                    target.getFileName() + " belongs to " + old.owner().getName() + ":"
                            + old.group().getName() + ", and this user cannot give the rewritten file that owner;"
                            + " not replaced",
                    e);
        }
    }

    /** The file's POSIX permissions, or null on a file system without them. */
    private static Set<PosixFilePermission> posixPermissions(Path file) throws IOException {
        PosixFileAttributeView view =
                Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        return view == null ? null : view.readAttributes().permissions();
    }

    /** Makes the rename itself durable where the platform allows opening a folder; elsewhere a no-op. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Windows cannot open a folder as a channel; the move is already done.
        }
    }
}
