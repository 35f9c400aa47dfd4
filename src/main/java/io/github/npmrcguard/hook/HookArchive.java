package io.github.npmrcguard.hook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the class archive the hook's JVM maps instead of loading the check's classes one by one from the
 * jars: {@link StagedCheck} is run once in its warm-up mode with {@code -XX:ArchiveClassesAtExit}, at install
 * time, so that no commit ever waits for the archive or depends on it being written.
 */
public final class HookArchive {
    private HookArchive() {}

    /**
     * Writes {@code <scripts>/classes.jsa} unless it exists and is newer than every jar (a rebuilt SNAPSHOT jar
     * keeps its version and so the script, but the JVM ignores an archive of other jars). Best effort: when the JVM cannot make it (jars that
     * are folders, a read-only folder, a JVM without the option), there is none and the hook loads its classes.
     *
     * @param top the work tree the warm-up lists staged files in
     * @return whether an archive is there afterwards
     */
    public static boolean make(Path java, List<Path> classpath, String pathSeparator, Path scripts, Path top) {
        Path archive = scripts.resolve(HookScript.ARCHIVE);
        if (Files.isRegularFile(archive) && !olderThanAJar(archive, classpath)) {
            return true;
        }
        List<String> jars = new ArrayList<>();
        for (Path p : classpath) {
            jars.add(p.toString());
        }
        List<String> cmd = List.of(
                java.toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xlog:disable",
                "-XX:ArchiveClassesAtExit=" + archive,
                "-cp",
                String.join(pathSeparator, jars),
                StagedCheck.class.getName(),
                StagedCheck.WARM_UP);
        try {
            Process p = new ProcessBuilder(cmd)
                    .directory(top.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            if (p.isAlive() || p.exitValue() != 0) {
                Files.deleteIfExists(archive);
                return false;
            }
            return Files.isRegularFile(archive);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean olderThanAJar(Path archive, List<Path> classpath) {
        try {
            long made = Files.getLastModifiedTime(archive).toMillis();
            for (Path jar : classpath) {
                if (Files.getLastModifiedTime(jar).toMillis() > made) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
