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
}
