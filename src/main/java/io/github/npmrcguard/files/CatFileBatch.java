package io.github.npmrcguard.files;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** The {@link BlobBatch} over one {@code git cat-file --batch} process. */
final class CatFileBatch implements GitHistory.BlobBatch {
    private final GitCli.Streamed process;
    private final OutputStream ids;
    private final CatFileAnswers answers;
    private volatile boolean abandoned;

    CatFileBatch(GitCli.Streamed process) {
        this.process = process;
        this.ids = new BufferedOutputStream(process.stdin(), 1 << 14);
        this.answers =
                new CatFileAnswers(new BufferedInputStream(process.stdout(), 1 << 16), GitHistory.MAX_BLOB_BYTES);
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
            return answers.next();
        } catch (IOException | NumberFormatException e) {
            if (abandoned) {
                throw new java.io.InterruptedIOException("the history scan stopped");
            }
            throw process.kill();
        }
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
