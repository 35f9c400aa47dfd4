package io.github.npmrcguard.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob ids the scan computes are the ones git computes, at every padding boundary and size. */
class GitBlobIdTest {
    @TempDir
    Path tmp;

    @Test
    void idsAreThoseOfGitHashObject() throws IOException {
        Git git = new Git(tmp);
        Path repo = git.init("repo");
        Random random = new Random(20261129);
        List<byte[]> contents = new ArrayList<>();
        contents.add(new byte[0]);
        contents.add("registry=https://registry.npmjs.org/\n".getBytes(StandardCharsets.UTF_8));
        // Around the lengths where the padding needs one block more (with the "blob <n>\0" header counted).
        for (int length : new int[] {44, 45, 46, 47, 48, 49, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000, 70_000}) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            contents.add(bytes);
        }
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            Path file = Files.write(tmp.resolve("content-" + i), contents.get(i));
            expected.add(contents.get(i).length + " "
                    + git.run(repo, "hash-object", file.toString()).strip());
            actual.add(contents.get(i).length + " " + GitBlobId.sha1(contents.get(i)));
        }
        assertEquals(expected, actual);
    }
}
