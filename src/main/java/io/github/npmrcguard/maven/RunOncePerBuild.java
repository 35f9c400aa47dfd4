package io.github.npmrcguard.maven;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.eclipse.aether.SessionData;

/**
 * Lets one module of a reactor do a root's scan and the others skip it, also under {@code -T}. The
 * state lives in the build's repository session data, so it is per build (also under mvnd, which reuses
 * plugin class loaders across builds) and not a static. Uses only the compare-and-set of
 * {@link SessionData} that Maven 3.6.3's resolver already has.
 *
 * <p>Everything stored here is a JDK type (String, Boolean, a map of strings, a CompletableFuture of
 * one): a module with {@code <build><extensions>} runs this plugin from a class realm of its own, with
 * its own copy of every plugin class, so a plugin object handed to it fails to cast.
 */
final class RunOncePerBuild {
    private static final String KEY = RunOncePerBuild.class.getName();

    private RunOncePerBuild() {}

    /** True for the first caller with this goal and root in this build; false for every later one. */
    static boolean first(MavenSession session, String goal, String root) {
        // A plain marker: the first caller has nothing to hand on, and a future would cost its classes' loading.
        return results(session).putIfAbsent(goal + '\0' + root, Boolean.TRUE) == null;
    }

    /**
     * The result of work that runs once per build and key: the first caller runs it and publishes the
     * result; later callers, also in other modules' threads under {@code -T}, wait for it. A later caller
     * gets {@code null} when the first one failed (its failure already stops the build). The result is a
     * map of strings, copied, so that it crosses class realms.
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> shared(MavenSession session, String key, Work work)
            throws MojoExecutionException, MojoFailureException {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> theirs =
                (CompletableFuture<Object>) results(session).putIfAbsent(key, mine);
        if (theirs != null) {
            try {
                return (Map<String, String>) theirs.join();
            } catch (java.util.concurrent.CompletionException e) {
                return null;
            }
        }
        try {
            Map<String, String> value = Map.copyOf(work.run());
            mine.complete(value);
            return value;
        } catch (MojoExecutionException | MojoFailureException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Work that may fail the way a mojo does. */
    interface Work {
        Map<String, String> run() throws MojoExecutionException, MojoFailureException;
    }

    @SuppressWarnings("unchecked")
    private static ConcurrentHashMap<String, Object> results(MavenSession session) {
        SessionData data = session.getRepositorySession().getData();
        Object current = data.get(KEY);
        while (current == null) {
            ConcurrentHashMap<String, Object> fresh = new ConcurrentHashMap<>();
            if (data.set(KEY, null, fresh)) {
                return fresh;
            }
            current = data.get(KEY);
        }
        return (ConcurrentHashMap<String, Object>) current;
    }
}
