package io.github.npmrcguard.files;

import java.util.List;

/**
 * What the scan reads: every version of every candidate file, the files that could not be read, and notes
 * on how the set was made (for example "no git on the PATH: walked the folder").
 *
 * @param files    the versions to parse, in a stable order (path, then provenance)
 * @param problems candidate files that could not be read
 * @param notes    one line each, for the log; never any file content
 * @param git      true when git decided what is committed; false for the plain walk
 */
public record ScanSet(List<ScanFile> files, List<FileProblem> problems, List<String> notes, boolean git) {
    public ScanSet {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }
}
