package io.github.npmrcguard.generate;

import io.github.npmrcguard.parse.Lines;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comment {@code # npmrc-guard:token //host/path/} in a project {@code .npmrc}: it says that the
 * registry with that nerf dart needs a token although the file has no registry line for it (the public
 * registry, or one set on the command line), so that {@code generate} writes its token line on every build,
 * into the user config for pnpm and yarn 1. {@code fix} writes it where it takes such a token out of a pnpm or
 * yarn 1 project {@code .npmrc}. Every client skips a comment line, and the comment holds no {@code ${}}
 * for pnpm or yarn 1 to expand.
 */
public final class TokenMarker {
    private static final String DIRECTIVE = "npmrc-guard:token";
    private static final Pattern LINE =
            Pattern.compile("^\\s*[#;]\\s*" + Pattern.quote(DIRECTIVE) + "\\s+(//[^\\s/]+(?:/[^\\s]*)?/)(?:\\s.*)?$");

    private TokenMarker() {}

    /** The comment line for a nerf dart ({@code //host/path/}), without a line ending. */
    public static String line(String nerfDart) {
        return "# " + DIRECTIVE + " " + nerfDart
                + " (its token line is in the user config that npmrc-guard's generate writes)";
    }

    /** The nerf darts the comments in a file's text name, in file order, each once. */
    public static List<String> nerfDarts(String text) {
        List<String> out = new ArrayList<>();
        for (String line : Lines.split(text)) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && !out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
