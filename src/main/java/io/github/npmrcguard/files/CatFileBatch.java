package io.github.npmrcguard.files;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The {@link BlobBatch} over one {@code git cat-file --batch} process. */
final class CatFileBatch implements GitHistory.BlobBatch {
    private final GitCli.Streamed process;
    private final OutputStream ids;
    private final InputStream answers;
    private final byte[] header = new byte[256];
    private volatile boolean abandoned;

    CatFileBatch(GitCli.Streamed process) {
        this.process = process;
        this.ids = new BufferedOutputStream(process.stdin(), 1 << 14);
        this.answers = new BufferedInputStream(process.stdout(), 1 << 16);
    }

    @Override
    public void request(String id) throws IOException {
        for (int i = 0; i < id.length(); i++) {
            ids.write(id.charAt(i));
        }
        ids.write('\n');
    }

    @Override
    public void flush() throws IOException {
        ids.flush();
    }

    @Override
    public void endRequests() throws IOException {
        ids.close();
    }

    @Override
    public Blob next() throws IOException {
        try {
            return read();
        } catch (IOException | NumberFormatException e) {
            if (abandoned) {
                throw new java.io.InterruptedIOException("the history scan stopped");
            }
            throw process.kill();
        }
    }

    private Blob read() throws IOException {
        int n = 0;
        for (int c = answers.read(); c != '\n'; c = answers.read()) {
            if (c < 0 || n == header.length) {
                throw new java.io.EOFException("unexpected output");
            }
            header[n++] = (byte) c;
        }
        String line = new String(header, 0, n, StandardCharsets.US_ASCII);
        int first = line.indexOf(' ');
        int second = line.indexOf(' ', first + 1);
        if (first > 0 && second < 0 && line.substring(first + 1).equals("missing")) {
            return new Blob(null, true, -1);
        }
        if (first <= 0 || second < 0) {
            throw new java.io.EOFException("unexpected output");
        }
        long size = Long.parseLong(line.substring(second + 1));
        byte[] content = size <= GitHistory.MAX_BLOB_BYTES ? answers.readNBytes((int) size) : null;
        if (content == null) {
            answers.skipNBytes(size);
        } else if (content.length != size) {
            throw new java.io.EOFException("truncated output");
        }
        if (answers.read() != '\n') {
            throw new java.io.EOFException("unexpected output");
        }
        // Only files are asked for; anything else is as good as missing.
        return line.startsWith("blob", first + 1) && second == first + 5
                ? new Blob(content, false, size)
                : new Blob(null, true, -1);
    }

    @Override
    public void finish() throws IOException {
        process.finish();
    }

    @Override
    public void abandon() {
        abandoned = true;
        process.kill();
    }
}
