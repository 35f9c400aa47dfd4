package io.github.npmrcguard.allow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.codehaus.plexus.util.SelectorUtils;

/**
 * The {@code <excludes>} path globs, Ant-style as in other Maven plugins ({@code **}{@code /fixtures/**},
 * {@code docs/*.npmrc}), matched against paths relative to the scan root with {@code /} separators. A
 * folder is excluded when the folder itself or everything below it matches, so the walk can prune it.
 */
public final class PathExcludes implements Predicate<String> {
    private final List<String> patterns;

    public PathExcludes(List<String> patterns) {
        List<String> normalized = new ArrayList<>();
        for (String pattern : patterns) {
            String p = pattern.strip().replace('\\', '/');
            if (!p.isEmpty()) {
                normalized.add(p.endsWith("/") ? p + "**" : p);
            }
        }
        this.patterns = List.copyOf(normalized);
    }

    @Override
    public boolean test(String relativePath) {
        for (String p : patterns) {
            if (SelectorUtils.matchPath(p, relativePath, "/", true)
                    || SelectorUtils.matchPath(p, relativePath + "/", "/", true)) {
                return true;
            }
        }
        return false;
    }

    /** Whether no pattern is configured. */
    public boolean isEmpty() {
        return patterns.isEmpty();
    }
}
