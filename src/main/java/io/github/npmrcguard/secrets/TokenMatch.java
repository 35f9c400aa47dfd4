package io.github.npmrcguard.secrets;

/**
 * Where a recognised token stands in a text. Holds offsets, not the token.
 *
 * @param format        which format it has
 * @param start         offset of its first character
 * @param end           offset after its last character
 * @param checksumValid true when the format has a checksum and it holds (npm and classic GitHub tokens)
 * @param confident     true when the shape alone makes it a token (a checksum that holds, or a format
 *                      that nothing else has); false for an npm or GitHub token whose checksum fails
 */
public record TokenMatch(TokenFormat format, int start, int end, boolean checksumValid, boolean confident) {
    /** The matched characters of {@code text}: a secret, for fingerprinting only. */
    public String in(CharSequence text) {
        return text.subSequence(start, end).toString();
    }
}
