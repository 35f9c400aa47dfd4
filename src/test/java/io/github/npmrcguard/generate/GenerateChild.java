package io.github.npmrcguard.generate;

import io.github.npmrcguard.write.AtomicWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A JVM running the real {@link Generator} over one project again and again, for
 * {@link ConcurrentGenerateTest}: {@code GenerateChild <project root> <home> <runs> <file> <old content>}.
 * Before each run it puts the old content back (atomically, as any other writer would), so each run
 * really rewrites the file; it prints {@code done} at the end.
 */
public final class GenerateChild {
    private GenerateChild() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        GeneratorOptions options = GeneratorOptions.builder()
                .environment(Map.of())
                .homeDirectory(Path.of(args[1]))
                .projectRoot(root)
                .build();
        int runs = Integer.parseInt(args[2]);
        Path file = Path.of(args[3]);
        byte[] old = args[4].getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < runs; i++) {
            new AtomicWriter().write(file, old, false);
            GenerationResult r = new Generator(options).run(List.of(ModuleInput.of(root.resolve("app"))));
            if (r.hasErrors()) {
                System.out.println("errors: " + r.messages());
                System.exit(2);
            }
        }
        System.out.println("done");
    }
}
