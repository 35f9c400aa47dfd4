package io.github.npmrcguard.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The folders git's work tree walk could not enter (too long a path, no permission), read from the warnings it
 * prints for them ({@code dir.c}) while it goes on and exits 0: their files are unknown to the scan.
 */
final class UnopenedFolders {
    /** git's warning for such a folder; LC_ALL=C keeps it English. */
    static final String WARNING = "warning: could not open directory '";

    private UnopenedFolders() {}

    /**
     * The folders the warnings in {@code stderr} of a listing git ran in {@code root} name, relative to it,
     * each with the reason git gives, in the order of the warnings; those outside the root, in
     * {@code node_modules} or excluded left out.
     */
    static Map<String, String> in(String stderr, GitCli git, Path root, ExcludedPaths excluded) throws IOException {
        Map<String, String> unopened = new LinkedHashMap<>();
        String rootInRepo = null;
        for (String line : stderr.split("\n")) {
            if (!line.startsWith(WARNING)) {
                continue;
            }
            String rest = line.substring(WARNING.length());
            int end = rest.lastIndexOf("': ");
            // git cuts a message at 4 KiB: a longer folder name arrives without its end.
            String folder = end >= 0 ? rest.substring(0, end) : rest;
            String reason = end >= 0
                    ? rest.substring(end + 3).strip().toLowerCase(Locale.ROOT)
                    : "path too long; git cut its name short";
            if (folder.endsWith("/")) {
                folder = folder.substring(0, folder.length() - 1);
            }
            if (rootInRepo == null) {
                rootInRepo = rootBelowTop(git, root); // git names folders from the work tree's top, not from the root
            }
            if (!folder.startsWith(rootInRepo) || folder.length() == rootInRepo.length()) {
                continue;
            }
            folder = folder.substring(rootInRepo.length());
            if (Pruned.underNodeModules(folder) || excluded.test(folder)) {
                continue;
            }
            unopened.putIfAbsent(folder, reason);
        }
        return unopened;
    }

    /** The root's path below the work tree's top, with a trailing slash, or "" at the top. */
    private static String rootBelowTop(GitCli git, Path root) throws IOException {
        GitCli.Result r = git.run(root, List.of("rev-parse", "--show-prefix"));
        if (r.exitCode() != 0) {
            throw GitCli.failure(r);
        }
        String below = new String(r.stdout(), StandardCharsets.UTF_8);
        return below.endsWith("\n") ? below.substring(0, below.length() - 1) : below;
    }
}
