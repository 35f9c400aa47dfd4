package io.github.npmrcguard.write;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JVM that replaces one file with {@link AtomicWriter} over and over until it is killed, for
 * {@link AtomicWriterKillTest}: {@code AtomicWriterChild <file> <content file> <content file>...} writes each
 * content in turn (each differs from the last, so every call writes), printing {@code ready} once the
 * first write is done.
 */
public final class AtomicWriterChild {
    private AtomicWriterChild() {}

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        byte[][] contents = new byte[args.length - 1][];
        for (int i = 1; i < args.length; i++) {
            contents[i - 1] = Files.readAllBytes(Path.of(args[i]));
        }
        AtomicWriter writer = new AtomicWriter();
        for (long n = 0; ; n++) {
            writer.write(target, contents[(int) (n % contents.length)], false);
            if (n == 0) {
                System.out.println("ready");
                System.out.flush();
            }
        }
    }
}
