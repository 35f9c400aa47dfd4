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

    /**
     * {@code newText} in this file's own encoding, with the byte order mark the file began with, if any: what
     * an edit writes back so that every byte it did not change stays as it was.
     */
    public byte[] encode(String newText) {
        String name = encoding.split(" ")[0];
        byte[] bom = !hasBom()
                ? new byte[0]
                : name.equals("UTF-8")
                        ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
                        : name.equals("UTF-16LE")
                                ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                                : new byte[] {(byte) 0xFE, (byte) 0xFF};
        byte[] body = newText.getBytes(java.nio.charset.Charset.forName(name));
        byte[] out = java.util.Arrays.copyOf(bom, bom.length + body.length);
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }

    @Override
    public String toString() {
        return "DecodedText[" + encoding + ", " + text.length() + " chars, lossy=" + lossy + "]";
    }
}
