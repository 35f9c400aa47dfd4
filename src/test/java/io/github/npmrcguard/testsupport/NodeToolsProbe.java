package io.github.npmrcguard.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A second JVM for {@link NodeToolsTest}: installs {@link NodeToolsTest#SEMVER} into the cache given as
 * the first argument from two threads at once, counting real installs in {@code installs.log} there, and
 * prints the prefix each thread got.
 */
final class NodeToolsProbe {

    private NodeToolsProbe() {}

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(args[0]);
        NodeTools tools = new NodeTools(cache, "npm");
        NodeTools.Spec spec = NodeToolsTest.SEMVER.afterInstall(
                "count installs",
                prefix -> Files.writeString(
                        cache.resolve("installs.log"),
                        "installed\n",
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Path>> prefixes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                prefixes.add(pool.submit(() -> tools.install(spec).prefix()));
            }
            for (Future<Path> prefix : prefixes) {
                System.out.println(prefix.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
