package io.github.npmrcguard.maven;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.SessionData;

/**
 * Lets one module of a reactor do a root's scan and the others skip it, also under {@code -T}. The
 * state lives in the build's repository session data, so it is per build (also under mvnd, which reuses
 * plugin class loaders across builds) and not a static. Uses only the compare-and-set of
 * {@link SessionData} that Maven 3.6.3's resolver already has.
 */
final class RunOncePerBuild {
    private static final String KEY = RunOncePerBuild.class.getName();

    private RunOncePerBuild() {
    }

    /** True for the first caller with this goal and root in this build; false for every later one. */
    @SuppressWarnings("unchecked")
    static boolean first(MavenSession session, String goal, String root) {
        SessionData data = session.getRepositorySession().getData();
        Set<String> done = (Set<String>) data.get(KEY);
        while (done == null) {
            Set<String> fresh = ConcurrentHashMap.newKeySet();
            if (data.set(KEY, null, fresh)) {
                done = fresh;
            } else {
                done = (Set<String>) data.get(KEY);
            }
        }
        return done.add(goal + '\0' + root);
    }
}
