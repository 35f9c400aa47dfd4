package io.github.npmrcguard.scan;

import io.github.npmrcguard.files.FileProblem;
import io.github.npmrcguard.files.LargeFile;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.FindingSink;
import io.github.npmrcguard.rules.KnownTokenRule;
import io.github.npmrcguard.secrets.StreamedTokenSearch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * Searches a file too large to parse for token formats, as a stream ({@link StreamedTokenSearch}): each token
 * is a {@code known-token} finding at its line, as in an unparsable file's raw lines. Nothing else is looked
 * for: there is no document, so no settings, no key rules and no allow comments (the allowlist applies).
 */
final class LargeFileSearch {
    static final String VANISHED = "vanished while the scan ran";
    static final String PERMISSION_DENIED = "permission denied: not searched";
    static final String IO_ERROR = "could not be read to its end (I/O error): not wholly searched";

    /** The findings, and a problem when the file could not be searched to its end (else null). */
    record Searched(List<Finding> findings, FileProblem problem) {}

    private final StreamedTokenSearch search = new StreamedTokenSearch();

    Searched search(LargeFile file) {
        FindingSink sink = new FindingSink(file.path(), file.kind());
        boolean committed = file.provenance().committed();
        FileProblem problem = null;
        try (InputStream in = file.content().open()) {
            search.search(in, (line, match, token) -> KnownTokenRule.reportStreamed(sink, line, match, token));
        } catch (NoSuchFileException e) {
            problem = new FileProblem(file.path(), VANISHED, false);
        } catch (AccessDeniedException e) {
            problem = new FileProblem(file.path(), PERMISSION_DENIED, committed);
        } catch (IOException e) {
            // Never the exception's text: our own words, blocking when the content counts as committed.
            problem = new FileProblem(file.path(), IO_ERROR, committed);
        }
        return new Searched(sink.findings(), problem);
    }
}
