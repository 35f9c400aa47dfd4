package io.github.npmrcguard.parse;

import java.util.List;

/** Reads the settings of one config format, the way that format's own client reads them. */
public interface ConfigParser {
    /**
     * @param text the decoded file content (see {@link TextDecoder})
     * @return every setting with its line, in file order; duplicates are all kept (rules decide)
     * @throws ParseException when the client would reject the file too
     */
    List<Setting> parse(String text) throws ParseException;

    /**
     * Parses a decoded file. The default parses its text; a parser whose client keeps a byte order mark as
     * a character (npm's ini does) overrides this to see the file as its client does.
     *
     * @param decoded the file as {@link TextDecoder} decoded it
     * @return as {@link #parse(String)}
     * @throws ParseException as {@link #parse(String)}
     */
    default List<Setting> parse(DecodedText decoded) throws ParseException {
        return parse(decoded.text());
    }
}
