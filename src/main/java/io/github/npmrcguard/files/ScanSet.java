package io.github.npmrcguard.files;

import java.util.List;

/**
 * What the scan reads: every version of every candidate file, the files that could not be read, and notes
 * on how the set was made (for example "no git on the PATH: walked the folder").
 *
 * @param files    the versions to parse, in a stable order (path, then provenance)
 * @param large    the versions too large to parse, to be searched for token formats as streams; same order
 * @param problems candidate files that could not be read
 * @param notes    one line each, for the log; never any file content
 * @param git      true when git decided what is committed; false for the plain walk
 */
public record ScanSet(
        List<ScanFile> files, List<LargeFile> large, List<FileProblem> problems, List<String> notes, boolean git) {
    public ScanSet {
        files = List.copyOf(files);
        large = List.copyOf(large);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** A set with no file too large to parse. */
    public ScanSet(List<ScanFile> files, List<FileProblem> problems, List<String> notes, boolean git) {
        this(files, List.of(), problems, notes, git);
    }
}
