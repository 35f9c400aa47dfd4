package io.github.npmrcguard.history;

import io.github.npmrcguard.files.Blob;
import io.github.npmrcguard.files.GitHistory;
import io.github.npmrcguard.files.GitHistory.BlobBatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A blob source that records each batch it opens and the ids asked of it. */
final class RecordingBlobs implements HistoryScanner.BlobSource {
    private final GitHistory git;
    /** Per batch opened, the ids requested, in order. */
    final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

    RecordingBlobs(GitHistory git) {
        this.git = git;
    }

    @Override
    public BlobBatch open(GitHistory.Repository repo) throws IOException {
        BlobBatch real = git.openBlobs(repo);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        batches.add(ids);
        return new BlobBatch() {
            @Override
            public void request(String id) throws IOException {
                ids.add(id);
                real.request(id);
            }

            @Override
            public void flush() throws IOException {
                real.flush();
            }

            @Override
            public void endRequests() throws IOException {
                real.endRequests();
            }

            @Override
            public Blob next() throws IOException {
                return real.next();
            }

            @Override
            public void finish() throws IOException {
                real.finish();
            }

            @Override
            public void abandon() {
                real.abandon();
            }
        };
    }

    /** The number of ids asked of each batch. */
    List<Integer> sizes() {
        return batches.stream().map(List::size).toList();
    }
}
