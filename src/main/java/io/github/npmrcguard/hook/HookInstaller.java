package io.github.npmrcguard.hook;

import io.github.npmrcguard.files.GitPaths;
import io.github.npmrcguard.write.AtomicWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Puts the npmrc-guard pre-commit hook into a repository and takes it out again. The script and its settings
 * live in the repository's git folder ({@code npmrc-guard} in {@code git rev-parse --git-common-dir}, shared by
 * its linked worktrees), never in the work tree;
 * the {@code pre-commit} file in the hooks folder git runs ({@code core.hooksPath} and linked worktrees
 * applied) only calls it, with {@link #LINE}. An existing {@code pre-commit} that npmrc-guard did not write
 * (husky, lefthook, a hand-written one) is kept: the line goes in after its first line, or, when that would
 * change a file git tracks, a link or a script that is not {@code sh}, the installer only says which line to
 * add. Installing again changes nothing unless the script or settings changed (a new plugin version).
 */
public final class HookInstaller {
    /** Ends every line npmrc-guard puts into a {@code pre-commit} file: how it finds its own again. */
    static final String MARKER = "# npmrc-guard";

    /**
     * The line that runs the check: it finds the script as git does, so it holds in any clone and linked
     * worktree, and does nothing where npmrc-guard is not installed (safe to commit in a shared hook).
     */
    public static final String LINE = "if g=$(git rev-parse --git-common-dir) && [ -f \"$g/npmrc-guard/pre-commit\" ];"
            + " then sh \"$g/npmrc-guard/pre-commit\" || exit 1; fi " + MARKER;

    /** The comment of a {@code pre-commit} file npmrc-guard wrote itself. */
    private static final String OWN_COMMENT = "# npmrc-guard: checks the npm config files staged for a commit;"
            + " mvn npmrc-guard:uninstall-hook removes it.";

    private static final String OWN_HOOK = "#!/bin/sh\n" + OWN_COMMENT + "\n" + LINE + "\n";

    private final GitPaths git;
    private final AtomicWriter writer = new AtomicWriter();

    public HookInstaller(GitPaths git) {
        this.git = git;
    }

    /**
     * What an install or uninstall did, one line each for the log; {@code lineToAdd} when the user must act;
     * {@code scripts} the folder of the runner script and its settings; {@code scriptWritten} whether the runner
     * script was written (new, or another version), which removed the class archive made for the old one.
     */
    public record Outcome(List<String> done, String lineToAdd, Path scripts, boolean scriptWritten) {}

    /**
     * Installs or updates the hook of the repository holding {@code dir}.
     *
     * @param script the runner script ({@link HookScript#render})
     * @param config its settings ({@link HookConfig#toBytes})
     * @throws IOException when {@code dir} is in no git work tree, or a file cannot be written
     */
    public Outcome install(Path dir, String script, byte[] config) throws IOException {
        Path top = top(dir);
        Path own = git.commonDir(top).resolve("npmrc-guard");
        Path hooks = git.gitPath(top, "hooks");
        List<String> done = new ArrayList<>();
        Files.createDirectories(own);
        Path runner = own.resolve("pre-commit");
        boolean scriptWritten = writer.write(runner, script.getBytes(StandardCharsets.UTF_8), false);
        boolean changed = scriptWritten;
        if (scriptWritten) {
            Files.deleteIfExists(own.resolve(HookScript.ARCHIVE)); // the old jars' classes: made anew on the next run
        }
        makeExecutable(runner);
        changed |= writer.write(own.resolve("config.properties"), config, false);
        if (changed) {
            done.add("wrote the hook script and its settings in " + own);
        }
        Path hook = hooks.resolve("pre-commit");
        if (!Files.exists(hook, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(hooks);
            writer.write(hook, OWN_HOOK.getBytes(StandardCharsets.UTF_8), false);
            makeExecutable(hook);
            done.add("installed the pre-commit hook " + hook);
            return new Outcome(done, null, own, scriptWritten);
        }
        if (Files.isSymbolicLink(hook) || !Files.isRegularFile(hook)) {
            return new Outcome(done, lineToAdd(hook, done, "it is a link"), own, scriptWritten);
        }
        String text = Files.readString(hook, StandardCharsets.ISO_8859_1); // any bytes survive the round trip
        if (ours(text)) {
            return new Outcome(done, null, own, scriptWritten);
        }
        if (!shellScript(text)) {
            return new Outcome(done, lineToAdd(hook, done, "it is not an sh script"), own, scriptWritten);
        }
        if (hook.startsWith(top) && git.tracked(top, hook)) {
            return new Outcome(done, lineToAdd(hook, done, "git tracks it"), own, scriptWritten);
        }
        int firstEnd = text.indexOf('\n');
        String eol = firstEnd > 0 && text.charAt(firstEnd - 1) == '\r' ? "\r\n" : "\n";
        String chained = firstEnd < 0
                ? text + eol + LINE + eol
                : text.substring(0, firstEnd + 1) + LINE + eol + text.substring(firstEnd + 1);
        writer.write(hook, chained.getBytes(StandardCharsets.ISO_8859_1), false);
        done.add("added the npmrc-guard check to the existing pre-commit hook " + hook
                + " (its own commands still run after it)");
        return new Outcome(done, null, own, scriptWritten);
    }

    /**
     * Removes what {@link #install} put in: the script and settings, its line in a {@code pre-commit} file, and
     * that file when npmrc-guard wrote it. Nothing else. A hooks folder outside the repository keeps the line.
     */
    public Outcome uninstall(Path dir) throws IOException {
        Path top = top(dir);
        Path own = git.commonDir(top).resolve("npmrc-guard");
        Path hooks = git.gitPath(top, "hooks");
        List<String> done = new ArrayList<>();
        Path hook = hooks.resolve("pre-commit");
        boolean shared = !hooks.startsWith(top) && !hooks.startsWith(own.getParent());
        if (shared
                && Files.isRegularFile(hook, LinkOption.NOFOLLOW_LINKS)
                && ours(Files.readString(hook, StandardCharsets.ISO_8859_1))) {
            // A core.hooksPath outside the repository (often a global one) serves other repositories too, where
            // the line may still run their check; here it does nothing once the script below is gone.
            done.add("kept the npmrc-guard line in " + hook + ": that hooks folder (core.hooksPath) is outside this"
                    + " repository and may serve others; it does nothing where npmrc-guard is not installed");
        } else if (Files.isRegularFile(hook, LinkOption.NOFOLLOW_LINKS)) {
            String text = Files.readString(hook, StandardCharsets.ISO_8859_1);
            if (ours(text)) {
                StringBuilder kept = new StringBuilder();
                for (String line : text.split("(?<=\n)")) {
                    if (!line.stripTrailing().endsWith(MARKER)) {
                        kept.append(line);
                    }
                }
                String rest = kept.toString();
                if (rest.replace("\r", "").equals("#!/bin/sh\n" + OWN_COMMENT + "\n")) {
                    Files.delete(hook);
                    done.add("removed the pre-commit hook " + hook);
                } else if (!rest.equals(text)) {
                    writer.write(hook, rest.getBytes(StandardCharsets.ISO_8859_1), false);
                    done.add("removed the npmrc-guard line from the pre-commit hook " + hook);
                }
            }
        }
        for (String name : List.of("pre-commit", "config.properties", HookScript.ARCHIVE)) {
            if (Files.deleteIfExists(own.resolve(name))) {
                done.add("removed " + own.resolve(name));
            }
        }
        try {
            Files.deleteIfExists(own);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // something else is in there: not ours to remove
        }
        return new Outcome(done, null, own, false);
    }

    private Path top(Path dir) throws IOException {
        return git.topLevel(dir).orElseThrow(() -> new IOException(dir + " is not in a git work tree"));
    }

    private static boolean ours(String text) {
        for (String line : text.split("\n")) {
            if (line.stripTrailing().endsWith(MARKER)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a line can go in after the first: an sh-family interpreter, or no interpreter line (git uses sh). */
    private static boolean shellScript(String text) {
        if (!text.startsWith("#!")) {
            return false;
        }
        String first = text.lines().findFirst().orElse("").substring(2).strip();
        String[] words = first.split("\\s+");
        String interpreter = words[0].substring(words[0].lastIndexOf('/') + 1);
        if (interpreter.equals("env") && words.length > 1) {
            interpreter = words[words.length - 1];
        }
        return Set.of("sh", "bash", "dash", "zsh", "ksh", "ash").contains(interpreter);
    }

    private static String lineToAdd(Path hook, List<String> done, String why) {
        done.add("a pre-commit hook that npmrc-guard did not write is in place (" + hook + "); " + why
                + ", so it is left as it is: add this line near its top to run the npmrc-guard check:");
        return LINE;
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            boolean added = perms.add(PosixFilePermission.OWNER_EXECUTE);
            if (perms.contains(PosixFilePermission.GROUP_READ)) {
                added |= perms.add(PosixFilePermission.GROUP_EXECUTE);
            }
            if (perms.contains(PosixFilePermission.OTHERS_READ)) {
                added |= perms.add(PosixFilePermission.OTHERS_EXECUTE);
            }
            if (added) {
                Files.setPosixFilePermissions(file, perms);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: git for Windows runs hooks by their #! line
        }
    }
}
