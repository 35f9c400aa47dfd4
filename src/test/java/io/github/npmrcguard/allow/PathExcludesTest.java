package io.github.npmrcguard.allow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathExcludesTest {
    @Test
    void antStyleGlobsMatchFilesAndPruneFolders() {
        PathExcludes ex = new PathExcludes(List.of("docs/**", "**/fixtures/**", "examples/*.npmrc", " "));
        assertTrue(ex.test("docs"));
        assertTrue(ex.test("docs/a/.npmrc"));
        assertTrue(ex.test("web/fixtures"));
        assertTrue(ex.test("web/fixtures/x/.npmrc"));
        assertTrue(ex.test("fixtures/.npmrc"));
        assertTrue(ex.test("examples/a.npmrc"));
        assertFalse(ex.test("examples/sub/a.npmrc"));
        assertFalse(ex.test("web/.npmrc"));
        assertFalse(ex.test("documents/.npmrc"));
    }

    @Test
    void noPatternsExcludeNothing() {
        PathExcludes ex = new PathExcludes(List.of());
        assertTrue(ex.isEmpty());
        assertFalse(ex.test(".npmrc"));
    }
}
