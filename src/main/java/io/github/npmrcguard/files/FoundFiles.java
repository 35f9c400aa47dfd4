package io.github.npmrcguard.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** What one {@link ScanSetReader#read} has found: in the scan root's repository and in its submodules. */
final class FoundFiles {
    private static final Comparator<ScanFile> FILE_ORDER = new Comparator<>() {
        @Override
        public int compare(ScanFile a, ScanFile b) {
            int byPath = a.path().compareTo(b.path());
            return byPath != 0 ? byPath : a.provenance().compareTo(b.provenance());
        }
    };
    private static final Comparator<LargeFile> LARGE_FILE_ORDER = new Comparator<>() {
        @Override
        public int compare(LargeFile a, LargeFile b) {
            int byPath = a.path().compareTo(b.path());
            return byPath != 0 ? byPath : a.provenance().compareTo(b.provenance());
        }
    };
    private static final Comparator<FileProblem> PROBLEM_ORDER = new Comparator<>() {
        @Override
        public int compare(FileProblem a, FileProblem b) {
            int byPath = a.path().compareTo(b.path());
            return byPath != 0 ? byPath : a.message().compareTo(b.message());
        }
    };

    final Path realRoot;
    final SafeReader reader;
    private final List<ScanFile> files = new ArrayList<>();
    final List<LargeFile> large = new ArrayList<>();
    final List<FileProblem> problems = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    private final Consumer<ScanFile> ready;

    FoundFiles(Path realRoot, SafeReader reader, Consumer<ScanFile> ready) {
        this.realRoot = realRoot;
        this.reader = reader;
        this.ready = ready;
    }

    void add(ScanFile file) {
        files.add(file);
        ready.accept(file);
    }

    ScanSet result(boolean usedGit) {
        // Stable: by path, then provenance; conflict stages keep their order.
        files.sort(FILE_ORDER);
        large.sort(LARGE_FILE_ORDER);
        // The same problem with two versions of a file (say both unreadable) is one to report, the blocking one.
        Set<String> blocking = new HashSet<>();
        for (FileProblem p : problems) {
            if (p.blocking()) {
                blocking.add(p.path() + '\0' + p.message());
            }
        }
        for (Iterator<FileProblem> it = problems.iterator(); it.hasNext(); ) {
            FileProblem p = it.next();
            if (!p.blocking() && blocking.contains(p.path() + '\0' + p.message())) {
                it.remove();
            }
        }
        problems.sort(PROBLEM_ORDER);
        return new ScanSet(files, large, problems, notes, usedGit);
    }
}
