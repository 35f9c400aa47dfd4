package io.github.npmrcguard.history;

import java.util.Arrays;

/**
 * The (blob id, file format) pairs a history scan has met, numbered in the order they were added: the
 * only thing the scan keeps per file version. An id is kept as its bytes (20, or 32 for SHA-256
 * repositories) in one growing array, not as a string and an object per version. A blob met under a second
 * format (the same content committed as {@code .npmrc} and as {@code .yarnrc}) is a second pair.
 */
final class BlobIds {
    private static final int MAX_ID_BYTES = 32;

    /** Per id: its length, its bytes; {@link #STRIDE} bytes each. */
    private static final int STRIDE = MAX_ID_BYTES + 1;

    private byte[] ids = new byte[STRIDE * 1024];
    /** Per id: the format and the number of the first pair it was met in. */
    private byte[] firstKind = new byte[1024];

    private int[] firstPair = new int[1024];
    /** The pairs of an id met under a second format: (id number, format) to pair number; rare. */
    private final java.util.Map<Long, Integer> otherPairs = new java.util.HashMap<>();
    /** Open addressing: id number + 1, or 0 for a free slot. */
    private int[] slots = new int[2048];

    private int size;
    private int pairs;
    private final byte[] probe = new byte[MAX_ID_BYTES];
    private boolean added;

    /** How many distinct ids were met. */
    int ids() {
        return size;
    }

    /** Whether the last {@link #pair} added its pair (the first time it was met). */
    boolean added() {
        return added;
    }

    /** The number of the pair (id, kind), numbered from 0 in the order they were first met; adds it when new. */
    int pair(String hexId, int kind) {
        int len = decode(hexId);
        int mask = slots.length - 1;
        int i = hash() & mask;
        for (int e = slots[i]; e != 0; i = (i + 1) & mask, e = slots[i]) {
            if (matches(e - 1, len)) {
                int id = e - 1;
                if (firstKind[id] == kind) {
                    added = false;
                    return firstPair[id];
                }
                Integer other = otherPairs.get(((long) id << 8) | kind);
                added = other == null;
                if (added) {
                    other = pairs++;
                    otherPairs.put(((long) id << 8) | kind, other);
                }
                return other;
            }
        }
        int id = size++;
        if ((long) size * STRIDE > ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
            firstKind = Arrays.copyOf(firstKind, firstKind.length * 2);
            firstPair = Arrays.copyOf(firstPair, firstPair.length * 2);
        }
        int at = id * STRIDE;
        ids[at] = (byte) len;
        System.arraycopy(probe, 0, ids, at + 1, len);
        firstKind[id] = (byte) kind;
        firstPair[id] = pairs++;
        slots[i] = id + 1;
        if (size * 2 > slots.length) {
            grow();
        }
        added = true;
        return firstPair[id];
    }

    private boolean matches(int id, int len) {
        int at = id * STRIDE;
        return ids[at] == len && Arrays.equals(ids, at + 1, at + 1 + len, probe, 0, len);
    }

    private void grow() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int at = id * STRIDE;
            int i = hash(ids, at + 1) & mask;
            while (bigger[i] != 0) {
                i = (i + 1) & mask;
            }
            bigger[i] = id + 1;
        }
        slots = bigger;
    }

    private int hash() {
        return hash(probe, 0);
    }

    /** An id's first bytes are already uniformly spread: they are the hash. */
    private static int hash(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
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
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        throw new IllegalArgumentException("not an object id");
    }
}
