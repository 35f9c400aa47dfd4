package io.github.npmrcguard.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The walk's output parser, on output shaped as git 2.39 writes it. */
class GitHistoryTest {
    private static final String C1 = "1".repeat(40);
    private static final String C2 = "2".repeat(40);
    private static final String ZERO = "0".repeat(40);
    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(40);
    private static final String C = "c".repeat(40);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private GitHistoryTest bytes(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    private List<String> parsed() throws GitException {
        return GitHistory.parse("git log", out.toByteArray()).changes().stream()
                .map(c -> c.commit().charAt(0) + " " + c.committed().toLocalDate() + " " + c.path() + " "
                        + c.blob().charAt(0) + " " + c.kind())
                .toList();
    }

    @Test
    void commitsWithRawEntriesMergesWithCombinedEntriesAndCommitsWithout() throws GitException {
        // A merge: its combined entries follow the header after a NUL; the last id is the merge's version.
        bytes("\u0001" + C2 + " 2025-03-02T10:00:00+01:00\0");
        bytes("::100644 100644 100644 " + A + " " + B + " " + C + " MM\0web/.npmrc\0");
        bytes("::000000 000000 100644 " + ZERO + " " + ZERO + " " + A + " AA\0api/.yarnrc.yml\0\0");
        // A merge with nothing of its own.
        bytes("\u0001" + C2 + " 2025-03-02T09:00:00+01:00\0\0");
        // A root commit: the first entry follows the header after a newline.
        bytes("\u0001" + C1 + " 2025-03-01T10:00:00+00:00\n:000000 100644 " + ZERO + " " + A + " A\0.npmrc\0");
        bytes(":100644 000000 " + B + " " + ZERO + " D\0gone/.npmrc\0"); // deleted
        bytes(":000000 120000 " + ZERO + " " + B + " A\0link/.npmrc\0"); // a symbolic link
        bytes(":000000 160000 " + ZERO + " " + B + " A\0sub/.npmrc\0"); // a submodule
        bytes(":000000 100644 " + ZERO + " " + B + " A\0docs/npmrc-howto.md\0"); // no config file
        bytes(":000000 100644 " + ZERO + " " + B + " A\0web/node_modules/x/.npmrc\0");
        bytes(":000000 100755 " + ZERO + " " + C + " A\0\u0001odd\nname/.npmrc.ci\0");
        bytes(":000000 100644 " + ZERO + " " + C + " A\0:colon/bunfig.toml\0\0");

        var walk = GitHistory.parse("git log", out.toByteArray());

        assertEquals(
                List.of(
                        "2 2025-03-02 web/.npmrc c NPMRC",
                        "2 2025-03-02 api/.yarnrc.yml a YARNRC_YML",
                        "1 2025-03-01 .npmrc a NPMRC",
                        "1 2025-03-01 \u0001odd\nname/.npmrc.ci c NPMRC",
                        "1 2025-03-01 :colon/bunfig.toml c BUNFIG_TOML"),
                parsed());
        assertEquals(3, walk.commitsListed());
    }

    @Test
    void emptyOutputIsNoCommit() throws GitException {
        assertEquals(0, GitHistory.parse("git log", new byte[0]).commitsListed());
    }

    @Test
    void unexpectedOutputIsAGitExceptionThatQuotesNothing() {
        for (String bad : List.of(
                "garbage\0",
                "\u0001nothex 2025\0",
                "\u0001" + C1 + " yesterday\0",
                "\u0001" + C1 + " 2025-03-01T10:00:00Z\n:100644 100644 " + A + " M\0",
                "\u0001" + C1 + " 2025-03-01T10:00:00Z\n:100644 " + A + " M\0.npmrc\0",
                ":100644 100644 " + A + " " + B + " M\0.npmrc\0")) {
            GitException e = assertThrows(
                    GitException.class, () -> GitHistory.parse("git log", bad.getBytes(StandardCharsets.UTF_8)), bad);
            assertEquals("`git log` failed: its output could not be read", e.getMessage());
        }
    }

    @Test
    void revisionNamesThatGitCouldTakeForOptionsAreRefused() {
        for (String ok : List.of("main", "v1.2.0", "origin/main", "HEAD~3", "main^2", "HEAD@{2}", "a1b2c3d", "_x")) {
            assertTrue(GitHistory.Revisions.isRevision(ok), ok);
        }
        for (String bad : List.of("", "-x", "--all", ":/msg", "^main", "a..b", "a b", "a\nb", "/abs", "@", ".x")) {
            assertTrue(!GitHistory.Revisions.isRevision(bad), bad);
        }
    }
}
