package io.github.npmrcguard.generate;

import io.github.npmrcguard.generate.PackageManager.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs one project file update in a temporary folder, as the generator would. */
final class MergeHarness {
    final TreeBuilder tree;
    final List<Message> messages = new ArrayList<>();

    MergeHarness(Path root) {
        this.tree = new TreeBuilder(root);
    }

    GeneratorOptions options() {
        return GeneratorOptions.builder()
                .environment(Map.of())
                .homeDirectory(tree.path("home"))
                .projectRoot(tree.root())
                .ci(false)
                .build();
    }

    FileChange update(ConfigFormat format, Kind kind, boolean auth, RegistrySpec... registries) {
        PackageManager pm = new PackageManager(kind, "", "test");
        return new ProjectFileUpdater(options(), new PathDisplay(tree.root()))
                .update(
                        tree.root(),
                        format,
                        List.of(registries),
                        new MergePolicy(auth, pm, format.fileName()),
                        messages);
    }

    List<String> messageTexts() {
        return messages.stream().map(Message::toString).toList();
    }
}
