package io.github.npmrcguard.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitmodulesTest {
    private static List<String> paths(String text) {
        return Gitmodules.paths(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pathOfEachSubmoduleSectionInGitsConfigSyntax() {
        assertEquals(
                List.of("libs/ui", "with space/x", "quoted \"name\"", "tab\tx", "a#b", "trailing", "upper"),
                paths(
                        """
                        [submodule "libs/ui"]
                        \tpath = libs/ui
                        \turl = ../ui
                        [submodule "s2"]
                          path=with space/x   # a comment
                        [submodule "s3"]
                        \tpath = "quoted \\"name\\""
                        [submodule "s4"]
                        \tpath = tab\\tx ; another comment
                        [submodule "s5"]
                        \tpath = "a#b"
                        [submodule "s6"]
                        \tpath = trailing/
                        [SubModule "s7"]
                        \tPATH = upper
                        """));
    }

    @Test
    void pathsOutsideSubmoduleSectionsAndOtherKeysAreNotSubmodules() {
        assertEquals(
                List.of(),
                paths(
                        """
                path = top-level
                [core]
                \tpath = core
                [submodule]
                \tpath = no-subsection
                [submodule "x"]
                \tpathname = not-path
                \turl = ../x
                \tpath =
                """));
    }

    @Test
    void onlyPlainRelativeFolderPathsAreUsed() {
        assertTrue(Gitmodules.plainPath("libs/ui"));
        assertTrue(Gitmodules.plainPath("a b/..c"));
        for (String bad : List.of("", "/etc", "../outside", "libs/../..", "./x", "a//b", "a/", "a\\b", "a\0b")) {
            assertFalse(Gitmodules.plainPath(bad), bad);
        }
    }
}
