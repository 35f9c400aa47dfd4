package io.github.npmrcguard.generate;

/**
 * A file the generator will not edit, and why, in words that complete "not changed: ...". The message never
 * quotes the file's content.
 */
final class UneditableException extends Exception {
    private static final long serialVersionUID = 1L;

    UneditableException(String reason) {
        super(reason, null, false, false);
    }
}
