package io.github.npmrcguard.parse;

/**
 * A file that its client could not parse either. The message says what kind of problem it is and where;
 * it never quotes the file (parser libraries put the offending text in their messages, so those messages
 * are never passed on, and no cause is attached).
 */
public class ParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    /**
     * @param message what is wrong, without any of the file's text
     * @param line    the 1-based line, or 0 when unknown
     */
    public ParseException(String message, int line) {
        super(message, null, false, false);
        this.line = line;
    }

    /** The 1-based line of the problem, or 0 when unknown. */
    public int line() {
        return line;
    }
}
