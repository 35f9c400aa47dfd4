package io.github.npmrcguard.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriterTest {
    @TempDir
    Path tmp;

    private final AtomicWriter writer = new AtomicWriter();

    private boolean posix() throws IOException {
        return Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesANewFileAndLeavesNoTemporaryFile() throws IOException {
        Path f = tmp.resolve(".npmrc");
        assertTrue(writer.write(f, "a=1\n".getBytes(StandardCharsets.UTF_8), false));
        assertEquals("a=1\n", Files.readString(f));
        assertEquals(List.of(".npmrc"), names());
    }

    @Test
    void equalBytesAreNotWrittenAndTheModificationTimeStays() throws IOException {
        Path f = tmp.resolve(".npmrc");
        Files.writeString(f, "a=1\n");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(f, old);
        assertFalse(writer.write(f, "a=1\n".getBytes(StandardCharsets.UTF_8), false));
        assertEquals(old, Files.getLastModifiedTime(f));
    }

    @Test
    void replacingKeepsTheFilesPermissions() throws IOException {
        assumeTrue(posix());
        Path f = tmp.resolve(".npmrc");
        Files.writeString(f, "a=1\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        assertTrue(writer.write(f, "a=2\n".getBytes(StandardCharsets.UTF_8), false));
        assertEquals("a=2\n", Files.readString(f));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void aPrivateFileIsOwnerOnly() throws IOException {
        assumeTrue(posix());
        Path f = tmp.resolve("npmrc");
        writer.write(f, "a=1\n".getBytes(StandardCharsets.UTF_8), true);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
        writer.write(f, "a=2\n".getBytes(StandardCharsets.UTF_8), true);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void aSymbolicLinkIsNotReplaced() throws IOException {
        Path target = Files.writeString(tmp.resolve("elsewhere"), "a=1\n");
        Path link;
        try {
            link = Files.createSymbolicLink(tmp.resolve(".npmrc"), target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here");
            return;
        }
        assertThrows(IOException.class, () -> writer.write(link, "b=2\n".getBytes(StandardCharsets.UTF_8), false));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("a=1\n", Files.readString(target));
    }

    @Test
    void aFolderWhereTheFileShouldBeIsAnErrorThatLeavesNoTemporaryFile() throws IOException {
        Path folder = Files.createDirectory(tmp.resolve(".npmrc")); // a folder where the file should be
        byte[] bytes = "a=1\n".getBytes(StandardCharsets.UTF_8);
        assertThrows(IOException.class, () -> writer.write(folder, bytes, false));
        assertTrue(Files.isDirectory(folder));
        assertEquals(List.of(".npmrc"), names());
    }

    /**
     * A build run as root (a container, a CI agent) rewriting a developer's file must not hand it to root:
     * the rewritten file keeps its owner, group and mode, executable bit included.
     */
    @Test
    void rewrittenFileKeepsItsOwnerGroupAndModeWhenAnotherUserOwnsIt() throws IOException {
        assumeTrue(posix());
        Path probe = Files.writeString(tmp.resolve("probe"), "x");
        assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(probe, "unix:uid")), "needs root to chown");
        for (String mode : List.of("rw-r-----", "rwxr-x---")) {
            Path target = Files.writeString(tmp.resolve("owned-" + mode), "old\n");
            Files.setAttribute(target, "unix:uid", 65534);
            Files.setAttribute(target, "unix:gid", 65534);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(mode));

            assertTrue(new AtomicWriter().write(target, "new\n".getBytes(StandardCharsets.UTF_8), false));

            assertEquals("new\n", Files.readString(target));
            assertEquals(65534, Files.getAttribute(target, "unix:uid"), mode);
            assertEquals(65534, Files.getAttribute(target, "unix:gid"), mode);
            assertEquals(PosixFilePermissions.fromString(mode), Files.getPosixFilePermissions(target));
        }
    }
}
