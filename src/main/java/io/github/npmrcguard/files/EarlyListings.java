package io.github.npmrcguard.files;

import static io.github.npmrcguard.files.GitListings.STAGED_LISTING;
import static io.github.npmrcguard.files.GitListings.UNTRACKED_LISTING;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The git processes a scan of one repository starts before it reads any answer: the walk and the staged
 * listing. (A cat-file is started only for blobs the working copies do not hold.)
 */
final class EarlyListings {
    final Path root;
    GitCli.Running listing;
    GitCli.Running untracked;
    /** Starts the staged listing while the caller goes on; null when not needed. */
    private Thread starter;

    private EarlyListings(Path root) {
        this.root = root;
    }

    /**
     * Starts them at once: the staged listing on a thread of its own, the walk here. A JVM's first process
     * costs its starter the JDK's own set-up, most of it after the fork: started one after
     * the other, the second git would wait for that; this way both forks come within a few milliseconds,
     * and the staged listing (which the scan reads first) is ready sooner. A listing that could not be
     * started is left null (the scan says what that means).
     */
    static EarlyListings start(GitCli git, Path root) {
        EarlyListings s = new EarlyListings(root);
        s.starter = new Thread("npmrc-guard git start") {
            @Override
            public void run() {
                try {
                    s.listing = git.start(root, STAGED_LISTING);
                } catch (IOException e) {
                    // what did start runs on; the scan deals with what did not
                }
            }
        };
        s.starter.setDaemon(true);
        s.starter.start();
        try {
            s.untracked = git.start(root, UNTRACKED_LISTING);
        } catch (IOException e) {
            // left null
        }
        return s;
    }

    /** The staged listing, once started (null if it could not be). */
    GitCli.Running listing() {
        awaitStarter();
        return listing;
    }

    private void awaitStarter() {
        if (starter == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                starter.join(); // the thread's writes are visible after join
                break;
            } catch (InterruptedException e) {
                interrupted = true; // finish waiting: its processes must not be left unknown
            }
        }
        starter = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    void discard() {
        awaitStarter();
        if (listing != null) {
            listing.discard();
        }
        if (untracked != null) {
            untracked.discard();
        }
    }
}
