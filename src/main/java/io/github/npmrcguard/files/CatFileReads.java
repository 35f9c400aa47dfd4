package io.github.npmrcguard.files;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The scan's reads of staged blobs from git: many at once with {@code cat-file --batch}, or one streamed. */
final class CatFileReads {
    private CatFileReads() {}

    /**
     * Reads blobs with ONE {@code git cat-file --batch} process: ids are fed from a separate thread while
     * this one reads, so neither pipe can fill up and deadlock. Blobs larger than {@code maxBytes} are
     * drained and returned without content.
     */
    static Map<String, Blob> readBlobs(GitCli git, Path dir, Collection<String> objectIds, long maxBytes)
            throws IOException {
        if (objectIds.isEmpty()) {
            return new HashMap<>();
        }
        GitCli.Streamed process = git.stream(dir, List.of("cat-file", "--batch", "--buffer"));
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(objectIds));
        Thread writer = ProcessPipes.daemon("git cat-file feeder", new Runnable() {
            @Override
            public void run() {
                try (OutputStream out = new BufferedOutputStream(process.stdin())) {
                    for (String id : ids) {
                        out.write((id + "\n").getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (IOException e) {
                    // git died early: the reader sees the end of its output, its exit code and stderr say why
                }
            }
        });
        writer.start();
        Map<String, Blob> blobs;
        try (InputStream in = new BufferedInputStream(process.stdout(), 1 << 16)) {
            blobs = CatFileAnswers.readAll(in, ids.size(), maxBytes);
        } catch (IOException | NumberFormatException e) {
            throw process.kill();
        }
        ProcessPipes.join(writer);
        process.finish();
        return blobs;
    }

    /**
     * Streams one blob with {@code git cat-file blob <id>}, for a blob too large for {@link #readBlobs}: read
     * it to the end, then close it, which waits for git and throws a {@link GitException} when git failed (a
     * missing object, say) or timed out. Closing it before the end stops git.
     */
    static InputStream openBlob(GitCli git, Path dir, String objectId) throws IOException {
        GitCli.Streamed process = git.stream(dir, List.of("cat-file", "blob", objectId));
        try {
            process.stdin().close(); // git reads no stdin here
        } catch (IOException e) {
            // git may have exited already
        }
        return new FilterInputStream(process.stdout()) {
            private boolean ended;
            private boolean closed;

            @Override
            public int read() throws IOException {
                int b = super.read();
                ended |= b < 0;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                ended |= n < 0;
                return n;
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                if (ended) {
                    super.close();
                    process.finish();
                    return;
                }
                // The reader stopped early: its own exception says why, unless git had timed out.
                GitException stopped = process.kill();
                super.close();
                if (process.timedOut()) {
                    throw stopped;
                }
            }
        };
    }
}
