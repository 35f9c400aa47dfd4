package io.github.npmrcguard.history;

import java.util.Arrays;

/**
 * The (blob id, file format) pairs a history scan has met, numbered in the order they were added: the
 * only thing the scan keeps per file version. An id is kept as its bytes (20, or 32 for SHA-256
 * repositories) in one growing array, not as a string and an object per version.
 */
final class BlobIds {
    private static final int MAX_ID_BYTES = 32;

    /** Per entry: its id's length, its bytes, its kind; {@link #STRIDE} bytes each. */
    private static final int STRIDE = MAX_ID_BYTES + 2;

    private byte[] entries = new byte[STRIDE * 1024];
    /** Open addressing: entry number + 1, or 0 for a free slot. */
    private int[] slots = new int[2048];
    private int size;
    private final byte[] probe = new byte[MAX_ID_BYTES];

    /** How many pairs were added. */
    int size() {
        return size;
    }

    /** The number of the pair, or -1 when it was never added. */
    int find(String hexId, int kind) {
        int len = decode(hexId);
        int mask = slots.length - 1;
        for (int i = hash(len, kind) & mask; ; i = (i + 1) & mask) {
            int e = slots[i];
            if (e == 0) {
                return -1;
            }
            if (matches(e - 1, len, kind)) {
                return e - 1;
            }
        }
    }

    /** Adds a pair that {@link #find} does not know; returns its number. */
    int add(String hexId, int kind) {
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int len = decode(hexId);
        int n = size++;
        if ((long) (n + 1) * STRIDE > entries.length) {
            entries = Arrays.copyOf(entries, Math.max(entries.length * 2, (n + 1) * STRIDE));
        }
        int at = n * STRIDE;
        entries[at] = (byte) len;
        entries[at + 1] = (byte) kind;
        System.arraycopy(probe, 0, entries, at + 2, len);
        int mask = slots.length - 1;
        int i = hash(len, kind) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = n + 1;
        return n;
    }

    private boolean matches(int n, int len, int kind) {
        int at = n * STRIDE;
        if (entries[at] != len || entries[at + 1] != kind) {
            return false;
        }
        return Arrays.equals(entries, at + 2, at + 2 + len, probe, 0, len);
    }

    private void grow() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int n = 0; n < size; n++) {
            int at = n * STRIDE;
            int len = entries[at];
            System.arraycopy(entries, at + 2, probe, 0, len);
            int i = hash(len, entries[at + 1]) & mask;
            while (bigger[i] != 0) {
                i = (i + 1) & mask;
            }
            bigger[i] = n + 1;
        }
        slots = bigger;
    }

    /** An id's first bytes are already uniformly spread: they are the hash. */
    private int hash(int len, int kind) {
        int h = (probe[0] & 0xFF) << 24 | (probe[1] & 0xFF) << 16 | (probe[2] & 0xFF) << 8 | (probe[3] & 0xFF);
        return (h ^ (h >>> 16)) * 31 + kind + len;
    }

    /** Puts the id's bytes into {@link #probe}; returns how many. */
    private int decode(String hexId) {
        int len = hexId.length() / 2;
        if (len < 4 || len > MAX_ID_BYTES || hexId.length() % 2 != 0) {
            throw new IllegalArgumentException("not an object id");
        }
        for (int i = 0; i < len; i++) {
            probe[i] = (byte) (digit(hexId.charAt(2 * i)) << 4 | digit(hexId.charAt(2 * i + 1)));
        }
        return len;
    }

    private static int digit(char c) {
        int d = Character.digit(c, 16);
        if (d < 0) {
            throw new IllegalArgumentException("not an object id");
        }
        return d;
    }
}
