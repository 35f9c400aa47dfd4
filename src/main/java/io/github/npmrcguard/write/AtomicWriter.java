package io.github.npmrcguard.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/**
 * Replaces a file's bytes so that a reader, or a build killed half-way, sees either the old file or the
 * new one, never a torn one: the bytes go to a temporary sibling, are forced to disk, and the sibling is
 * moved over the file. The file's permissions are kept; equal bytes are not written at all, so an
 * unchanged file keeps its modification time.
 */
public final class AtomicWriter {
    private AtomicWriter() {
    }

    /**
     * Writes {@code bytes} to {@code file} unless it already holds exactly them.
     *
     * @param newFileMode POSIX permissions for a file that does not exist yet, or null for the default
     * @return true when the file was written, false when it already held these bytes
     */
    public static boolean write(Path file, byte[] bytes, Set<PosixFilePermission> newFileMode) throws IOException {
        boolean exists = Files.exists(file);
        if (exists && Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return false;
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".npmrc-guard.tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Set<PosixFilePermission> mode = exists ? permissions(file) : newFileMode;
            if (mode != null && Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(temp, mode);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Set<PosixFilePermission> permissions(Path file) throws IOException {
        return Files.getFileAttributeView(file, PosixFileAttributeView.class) == null ? null
                : Files.getPosixFilePermissions(file);
    }
}
