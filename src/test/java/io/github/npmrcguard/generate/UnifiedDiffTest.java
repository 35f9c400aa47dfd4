package io.github.npmrcguard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void newFile() {
        assertEquals(
                "--- /dev/null\n+++ b/web/.npmrc\n@@ -0,0 +1,2 @@\n+registry=https://r.example/\n+//r.example/:_authToken=${NPM_TOKEN}\n",
                UnifiedDiff.of(
                        "web/.npmrc",
                        true,
                        List.of(),
                        List.of("registry=https://r.example/", "//r.example/:_authToken=${NPM_TOKEN}"),
                        Set.of()));
    }

    @Test
    void changesFurtherApartThanTwiceTheContextMakeTwoHunks() {
        List<String> before =
                List.of("# a", "registry=https://old.example/", "b=1", "c=2", "d=3", "e=4", "f=5", "g=6", "h=7");
        List<String> after = List.of(
                "# a",
                "registry=https://new.example/",
                "b=1",
                "c=2",
                "d=3",
                "e=4",
                "f=5",
                "g=6",
                "h=7",
                "//new.example/:_authToken=${NPM_TOKEN}");
        assertEquals(
                "--- a/.npmrc\n+++ b/.npmrc\n"
                        + "@@ -1,5 +1,5 @@\n # a\n-registry=https://old.example/\n+registry=https://new.example/\n b=1\n c=2\n d=3\n"
                        + "@@ -7,3 +7,4 @@\n f=5\n g=6\n h=7\n+//new.example/:_authToken=${NPM_TOKEN}\n",
                UnifiedDiff.of(".npmrc", false, before, after, Set.of()));
    }

    @Test
    void changesTwiceTheContextApartShareAHunkAsInDiffU() {
        List<String> before = List.of("x=0", "b=1", "c=2", "d=3", "e=4", "f=5", "g=6");
        List<String> after = List.of("x=9", "b=1", "c=2", "d=3", "e=4", "f=5", "g=6", "y=1");
        assertEquals(
                "--- a/.npmrc\n+++ b/.npmrc\n@@ -1,7 +1,8 @@\n-x=0\n+x=9\n b=1\n c=2\n d=3\n e=4\n f=5\n g=6\n+y=1\n",
                UnifiedDiff.of(".npmrc", false, before, after, Set.of()));
    }

    @Test
    void equalLinesGiveNoDiff() {
        assertEquals("", UnifiedDiff.of("x", false, List.of("a"), List.of("a"), Set.of()));
    }

    @Test
    void hiddenLinesAreNeverPrinted() {
        String standIn = "//r.example/:_authToken=changeme";
        String diff = UnifiedDiff.of(
                ".npmrc",
                false,
                List.of(standIn, "x=1"),
                List.of("//r.example/:_authToken=${NPM_TOKEN}", "x=1"),
                Set.of(standIn));
        assertEquals(
                "--- a/.npmrc\n+++ b/.npmrc\n@@ -1,2 +1,2 @@\n-" + UnifiedDiff.HIDDEN
                        + "\n+//r.example/:_authToken=${NPM_TOKEN}\n x=1\n",
                diff);
    }
}
