package io.github.npmrcguard.parse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code JSON.parse} for callers outside this package, such as the generator reading {@code package.json}.
 * It uses the same strict parser as the npm ini port, so a file node rejects is rejected here too.
 */
public final class Json {
    private Json() {}

    /**
     * Parses a JSON text.
     *
     * @param text the whole text, without a byte order mark
     * @return a {@link String}, {@link Boolean}, {@link Double}, {@link List} or {@link Map} (JSON
     *         {@code null} becomes {@link Optional#empty()} too, since no caller needs to tell it apart)
     * @throws ParseException when node's {@code JSON.parse} would throw; the message never quotes the text
     */
    public static Optional<Object> parse(String text) throws ParseException {
        Object value = JsonParser.parse(text);
        if (value == JsonParser.INVALID) {
            throw new ParseException("not valid JSON", 0);
        }
        return value == Js.NULL ? Optional.empty() : Optional.of(value);
    }
}
