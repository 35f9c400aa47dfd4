package io.github.npmrcguard.history;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of ASCII keywords found with one vectorised character search per anchor: each keyword is looked
 * for around each place of its anchor, the one of its characters least common in poms.
 */
final class KeywordSearch {
    /** Anchors, the most useful first: rare in poms. */
    private static final String RARE = "_KV-y";

    private final char[] anchors;
    private final String[][] words;
    private final int[][] offsets;

    private KeywordSearch(char[] anchors, String[][] words, int[][] offsets) {
        this.anchors = anchors;
        this.words = words;
        this.offsets = offsets;
    }

    static KeywordSearch of(List<String> keywords) {
        StringBuilder anchors = new StringBuilder();
        List<List<String>> words = new ArrayList<>();
        List<List<Integer>> offsets = new ArrayList<>();
        for (String k : keywords) {
            int at = -1;
            for (int r = 0; r < RARE.length() && at < 0; r++) {
                at = k.indexOf(RARE.charAt(r));
            }
            at = Math.max(at, 0);
            int slot = anchors.indexOf(String.valueOf(k.charAt(at)));
            if (slot < 0) {
                slot = anchors.length();
                anchors.append(k.charAt(at));
                words.add(new ArrayList<>());
                offsets.add(new ArrayList<>());
            }
            words.get(slot).add(k);
            offsets.get(slot).add(at);
        }
        String[][] w = new String[words.size()][];
        int[][] o = new int[words.size()][];
        for (int i = 0; i < w.length; i++) {
            w[i] = words.get(i).toArray(new String[0]);
            o[i] = offsets.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return new KeywordSearch(anchors.toString().toCharArray(), w, o);
    }

    boolean in(String text) {
        for (int a = 0; a < anchors.length; a++) {
            String[] w = words[a];
            int[] o = offsets[a];
            for (int i = text.indexOf(anchors[a]); i >= 0; i = text.indexOf(anchors[a], i + 1)) {
                for (int k = 0; k < w.length; k++) {
                    if (text.startsWith(w[k], i - o[k])) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
