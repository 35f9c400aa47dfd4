package io.github.npmrcguard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderModulesTest {
    @TempDir
    Path tmp;

    @Test
    void theRootAndEveryFolderWithAPomOutsideDependenciesAndBuildOutput() throws Exception {
        TreeBuilder t = new TreeBuilder(tmp);
        t.file("shop/pom.xml", "<project/>");
        t.file("shop/web/pom.xml", "<project/>");
        t.file("docs/readme.txt", "");
        t.file("shop/target/classes/pom.xml", "<project/>");
        t.file("ui/node_modules/pkg/pom.xml", "<project/>");
        List<Path> modules = FolderModules.under(tmp).stream()
                .map(ModuleInput::moduleDirectory)
                .toList();
        Path root = tmp.toAbsolutePath().normalize();
        assertEquals(List.of(root, root.resolve("shop"), root.resolve("shop/web")), modules);
        assertEquals(
                root.resolve("shop/target"), FolderModules.under(tmp).get(1).buildDirectory());
    }
}
