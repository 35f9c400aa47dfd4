package io.github.npmrcguard.realworld;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The real-world corpus's {@code manifest.tsv}: one labelled file a line (id, repository, path, commit,
 * whether it fails the build, the findings expected as {@code line:kind;...} or {@code -}).
 */
final class Manifest {
    /** What a finding is, as labelled by hand. */
    enum Kind {
        LITERAL,
        FORMAT,
        URL,
        STANDIN,
        UNEXPANDED;

        boolean failsBuild() {
            return this == LITERAL || this == FORMAT || this == URL;
        }
    }

    record Expected(int line, Kind kind) {
        @Override
        public String toString() {
            return line + ":" + kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Entry(String id, String repo, String path, String commit, boolean fails, Set<Expected> findings) {
        /** The file's own name: the plugin picks files by name. */
        String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    private Manifest() {}

    static List<Entry> read(Path manifest) throws IOException {
        List<Entry> entries = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6 || !(f[4].equals("yes") || f[4].equals("no"))) {
                throw new IllegalArgumentException(
                        manifest + ":" + n + ": not id, repo, path, commit, yes|no, findings");
            }
            Set<Expected> findings = new LinkedHashSet<>();
            if (!f[5].equals("-")) {
                for (String part : f[5].split(";")) {
                    int colon = part.indexOf(':');
                    findings.add(new Expected(
                            Integer.parseInt(part.substring(0, colon)),
                            Kind.valueOf(part.substring(colon + 1).toUpperCase(java.util.Locale.ROOT))));
                }
            }
            entries.add(new Entry(f[0], f[1], f[2], f[3], f[4].equals("yes"), Set.copyOf(findings)));
        }
        return List.copyOf(entries);
    }
}
