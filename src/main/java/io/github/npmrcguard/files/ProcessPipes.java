package io.github.npmrcguard.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The threads around a child process: its output read to the end, and a watchdog that kills it after a timeout. */
final class ProcessPipes {
    private ProcessPipes() {}

    /** A daemon thread. */
    static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a stream to its end on its own thread, keeping at most {@code limit} bytes. */
    static final class Pump {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final Thread thread;
        private volatile IOException failure;

        Pump(InputStream in, int limit) {
            thread = daemon("git output reader", new Runnable() {
                @Override
                public void run() {
                    byte[] chunk = new byte[1 << 16];
                    try (in) {
                        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                            int keep = Math.min(n, limit - buffer.size());
                            if (keep > 0) {
                                buffer.write(chunk, 0, keep);
                            }
                        }
                    } catch (IOException e) {
                        failure = e;
                    }
                }
            });
            thread.start();
        }

        byte[] bytes() {
            join(thread);
            return buffer.toByteArray();
        }

        IOException failure() {
            return failure;
        }
    }

    /** Kills a process that runs longer than the timeout. */
    static final class Watchdog {
        private final Thread thread;
        private volatile boolean timedOut;

        Watchdog(Process process, Duration timeout) {
            thread = daemon("git watchdog", new Runnable() {
                @Override
                public void run() {
                    try {
                        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                            timedOut = true;
                            process.descendants().forEach(ProcessHandle::destroyForcibly);
                            process.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        // cancelled: the process ended
                    }
                }
            });
            thread.start();
        }

        void cancel() {
            thread.interrupt();
        }

        boolean timedOut() {
            return timedOut;
        }
    }
}
