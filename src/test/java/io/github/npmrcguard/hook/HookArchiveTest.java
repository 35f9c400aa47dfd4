package io.github.npmrcguard.hook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookArchiveTest {
    @TempDir
    Path tmp;

    /** A java that cannot start: make() answers without it only when it keeps the archive it has. */
    private Path noJava() {
        return tmp.resolve("no-such-java");
    }

    @Test
    void keepsAnArchiveNewerThanEveryJar() throws IOException {
        Path jar = Files.writeString(tmp.resolve("plugin.jar"), "jar");
        Path archive = Files.writeString(tmp.resolve(HookScript.ARCHIVE), "archive");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000_000_000L));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(1_000_000_100_000L));

        assertTrue(HookArchive.make(noJava(), List.of(jar), ":", tmp, tmp));
    }

    @Test
    void remakesAnArchiveOlderThanARebuiltJar() throws IOException {
        Path jar = Files.writeString(tmp.resolve("plugin.jar"), "jar");
        Path archive = Files.writeString(tmp.resolve(HookScript.ARCHIVE), "archive");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(1_000_000_000_000L));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000_100_000L));

        assertFalse(HookArchive.make(noJava(), List.of(jar), ":", tmp, tmp), "a remake was tried, with no java");
    }
}
