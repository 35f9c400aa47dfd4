package io.github.npmrcguard.parse;

/**
 * A file's bytes decoded to text the way its client would read them.
 *
 * @param text     the text, without a byte order mark
 * @param encoding what was detected, e.g. "UTF-8", "UTF-8 with BOM", "UTF-16LE with BOM"
 * @param lossy    true when some bytes were not valid in that encoding and were replaced by U+FFFD
 */
public record DecodedText(String text, String encoding, boolean lossy) {

    /** Whether the file began with a byte order mark (which {@link #text()} no longer holds). */
    public boolean hasBom() {
        return encoding.endsWith(" with BOM");
    }

    @Override
    public String toString() {
        return "DecodedText[" + encoding + ", " + text.length() + " chars, lossy=" + lossy + "]";
    }
}
