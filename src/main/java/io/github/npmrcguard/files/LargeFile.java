package io.github.npmrcguard.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One version of a candidate file too large to parse (over {@link #PARSE_LIMIT}): it is not read whole, only
 * opened as a stream for a search of token formats, so that a token in it is still found while the heap
 * holds no more of it than a buffer. The stream is opened when the scan searches it, not when it is listed.
 *
 * @param path       relative to the scan root, with {@code /} separators
 * @param location   the file in the working tree (it may not exist for a staged-only file)
 * @param kind       the format it would be parsed as
 * @param provenance where its content comes from
 * @param size       its size in bytes, as listed
 * @param content    opens its content: the working copy, or the staged blob through git
 */
public record LargeFile(String path, Path location, FileKind kind, Provenance provenance, long size, Opener content) {
    /** Files larger than this, in bytes, are not parsed: config files are bytes to kilobytes. */
    public static final long PARSE_LIMIT = SafeReader.MAX_BYTES;

    /** The note each such file gets: it was searched, not parsed. */
    public static final String SEARCHED_ONLY =
            "larger than " + (PARSE_LIMIT >> 20) + " MiB: not parsed, only searched for token formats";

    /** Opens a version's content as a stream, at the time of the search. */
    @FunctionalInterface
    public interface Opener {
        /**
         * @return the content, read once from the start; closing it reports a failure of its source (git's exit
         *         code, say) as an IOException
         */
        InputStream open() throws IOException;
    }

    public LargeFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String toString() {
        return "LargeFile[" + path + ", " + kind + ", " + provenance + ", " + size + " bytes]";
    }
}
