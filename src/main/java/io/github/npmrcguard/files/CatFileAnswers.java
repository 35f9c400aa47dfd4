package io.github.npmrcguard.files;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the answers of {@code git cat-file --batch}, one at a time: a header line ({@code <id> <type> <size>}
 * or {@code <name> missing}), then for an object its content and a line feed. Shared by the scan's batch
 * ({@link CatFileReads}) and the history's ({@link CatFileBatch}).
 */
final class CatFileAnswers {
    private final InputStream in;
    private final long maxBytes;
    private final byte[] header = new byte[4096];
    private int headerLength;
    private int idEnd;

    /**
     * @param in       git's stdout, buffered
     * @param maxBytes larger blobs are skipped and answered without content
     */
    CatFileAnswers(InputStream in, long maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /**
     * The next {@code count} answers by id (as git wrote it).
     *
     * @throws EOFException when git's output ends early or is no answer
     * @throws NumberFormatException when a size is not a number
     */
    static Map<String, Blob> readAll(InputStream in, int count, long maxBytes) throws IOException {
        CatFileAnswers answers = new CatFileAnswers(in, maxBytes);
        Map<String, Blob> blobs = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Blob blob = answers.next();
            blobs.put(answers.id(), blob);
        }
        return blobs;
    }

    /**
     * The next answer; an object that is no blob is as good as missing (only files are asked for).
     *
     * @throws EOFException when git's output ends early or is no answer
     * @throws NumberFormatException when the size is not a number
     */
    Blob next() throws IOException {
        int n = 0;
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0 || n == header.length) {
                throw new EOFException("unexpected output");
            }
            header[n++] = (byte) c;
        }
        headerLength = n;
        String line = new String(header, 0, n, StandardCharsets.US_ASCII);
        int first = line.indexOf(' ');
        int second = line.indexOf(' ', first + 1);
        idEnd = first;
        if (first > 0 && second < 0 && line.substring(first + 1).equals("missing")) {
            return new Blob(null, true, -1);
        }
        if (first <= 0 || second < 0) {
            throw new EOFException("unexpected output");
        }
        long size = Long.parseLong(line.substring(second + 1));
        byte[] content = size <= maxBytes ? in.readNBytes((int) size) : null;
        if (content == null) {
            in.skipNBytes(size);
        } else if (content.length != size) {
            throw new EOFException("truncated output");
        }
        if (in.read() != '\n') {
            throw new EOFException("unexpected output");
        }
        return line.startsWith("blob", first + 1) && second == first + 5
                ? new Blob(content, false, size)
                : new Blob(null, true, -1);
    }

    /** The object id (or, when missing, the name asked for) of the last answer, as git wrote it. */
    String id() {
        return new String(header, 0, Math.max(0, Math.min(idEnd, headerLength)), StandardCharsets.US_ASCII);
    }
}
