package io.github.npmrcguard.history;

/** XML's five predefined references, replaced in text as an XML parser replaces them. */
final class PredefinedReferences {
    /** Each reference, followed by the character it stands for. */
    private static final String[] REFERENCES = {"&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", "\"", "&apos;", "'"};

    private PredefinedReferences() {}

    /**
     * The text {@code [from, to)} with each predefined reference replaced by its character, or null when it holds
     * any other {@code &}: a character reference may spell anything.
     */
    static String replaced(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        for (int amp = text.indexOf('&', from); amp >= 0 && amp < to; amp = text.indexOf('&', i)) {
            out.append(text, i, amp);
            int k = 0;
            while (k < REFERENCES.length && !text.startsWith(REFERENCES[k], amp)) {
                k += 2;
            }
            if (k == REFERENCES.length || amp + REFERENCES[k].length() > to) {
                return null;
            }
            out.append(REFERENCES[k + 1]);
            i = amp + REFERENCES[k].length();
        }
        return out.append(text, i, to).toString();
    }
}
