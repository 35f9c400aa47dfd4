package io.github.npmrcguard.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a working copy is a staged version: by git object id for a file too large to hold, by text for
 * one held (a checkout may differ from its blob only in line endings).
 */
final class StagedVersions {
    private StagedVersions() {}

    /**
     * Whether a working copy too large to hold has the content of one of the staged blobs, by its git object id
     * (SHA-1 or SHA-256, as long as the ids are), computed over a stream. A checkout that differs only in line
     * endings counts as different here: it is searched as well, and the scan reports each secret once.
     */
    static boolean isStagedBlob(Path file, List<String> objectIds) {
        if (objectIds.isEmpty()) {
            return false;
        }
        try {
            String sha1 = null;
            String sha256 = null;
            for (String id : objectIds) {
                String mine;
                if (id.length() == 40) {
                    mine = sha1 != null ? sha1 : (sha1 = GitBlobId.ofFile(file, "SHA-1"));
                } else {
                    mine = sha256 != null ? sha256 : (sha256 = GitBlobId.ofFile(file, "SHA-256"));
                }
                if (id.equals(mine)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false; // searching it will say what is wrong
        }
    }

    /** Equal bytes, or equal once CRLF is read as LF: core.autocrlf checkouts differ from the blob only so. */
    static boolean sameText(byte[] staged, byte[] working) {
        return Arrays.equals(staged, working) || Arrays.equals(lf(staged), lf(working));
    }

    private static byte[] lf(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        int n = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                continue;
            }
            out[n++] = bytes[i];
        }
        return Arrays.copyOf(out, n);
    }
}
