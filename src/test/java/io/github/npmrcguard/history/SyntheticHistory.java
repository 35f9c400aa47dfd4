package io.github.npmrcguard.history;

import io.github.npmrcguard.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A synthetic repository built with {@code git fast-import} from a fixed seed: a main line whose commits
 * each change a Java file and, most of them, one module's {@code .npmrc} to one of a pool of contents (a
 * few of which hold a token), with a topic branch merged back every so often (some merges changing an
 * {@code .npmrc} themselves). It records what it wrote, so a test can say what the history scan must find.
 */
final class SyntheticHistory {
    /** One secret: where it was first written, and how widely. */
    record Expected(
            String token,
            long firstMark,
            String firstPath,
            int line,
            java.util.Set<Long> marks,
            java.util.Set<String> paths) {}

    private static final String NPMRC = ".npmrc";

    final int modules;
    private final Random random;
    private final List<String> pool = new ArrayList<>();
    /** For each pool entry holding a token: the token and its line. */
    private final Map<Integer, String> tokenOf = new HashMap<>();

    private final ByteArrayOutputStream stream = new ByteArrayOutputStream();
    private final Map<String, String> mainTree = new TreeMap<>();
    private final Map<String, Expected> expected = new LinkedHashMap<>();
    private final java.util.Set<String> candidateContents = new java.util.HashSet<>();
    private long nextMark = 1;
    private long time = 1_700_000_000L;
    private long mainTip;
    private int commits;
    private int candidateWrites;

    /**
     * @param seed      fixes everything (tokens come from {@link TestTokens} with the same seed)
     * @param modules   how many module folders, each with an {@code .npmrc} and a Java file
     * @param contents  how many distinct {@code .npmrc} contents the commits choose from
     * @param secrets   how many of those hold a token (each a distinct token)
     */
    SyntheticHistory(long seed, int modules, int contents, int secrets) {
        this.modules = modules;
        this.random = new Random(seed);
        TestTokens tokens = new TestTokens(seed);
        for (int i = 0; i < contents; i++) {
            if (i < secrets) {
                String token = tokens.npm();
                tokenOf.put(i, token);
                pool.add("# revision " + i + "\n@acme:registry=https://npm.pkg.github.com/\n"
                        + "//npm.pkg.github.com/:_authToken=" + token + "\n");
            } else {
                pool.add("registry=https://registry.npmjs.org/\n# revision " + i + "\n"
                        + "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n");
            }
        }
    }

    /** Builds about {@code commits} commits (a merge every {@code mergeEvery}) into a new repository. */
    void build(TestRepo repo, int target, int mergeEvery) throws IOException {
        for (int m = 0; m < modules; m++) {
            mainTree.put(module(m) + "/" + NPMRC, pool.get(pool.size() - 1 - m % (pool.size() - tokenOf.size())));
            mainTree.put(module(m) + "/src/Main.java", "class Main {}\n");
        }
        mainTip = commit("refs/heads/main", 0, null, new TreeMap<>(), mainTree);
        int topic = 0;
        while (commits < target) {
            if (commits % mergeEvery == mergeEvery - 1 && commits + 6 <= target) {
                // A topic branch of four commits from main, merged back with --no-ff.
                String ref = "refs/heads/topic-" + topic++;
                Map<String, String> topicTree = new TreeMap<>(mainTree);
                long tip = mainTip;
                for (int k = 0; k < 4; k++) {
                    Map<String, String> before = new TreeMap<>(topicTree);
                    change(topicTree);
                    tip = commit(ref, tip, null, before, topicTree);
                }
                Map<String, String> before = new TreeMap<>(mainTree);
                Map<String, String> merged = new TreeMap<>(topicTree);
                if (random.nextInt(4) == 0) {
                    // An "evil" merge: the merge itself writes an .npmrc that neither parent has.
                    String path = module(random.nextInt(modules)) + "/" + NPMRC;
                    String content;
                    do {
                        content = pool.get(random.nextInt(pool.size()));
                    } while (content.equals(mainTree.get(path)) || content.equals(topicTree.get(path)));
                    merged.put(path, content);
                    record(nextMark, path, content);
                }
                mainTree.clear();
                mainTree.putAll(merged);
                mainTip = commit("refs/heads/main", mainTip, tip, before, mainTree);
                stream("reset " + ref + "\nfrom :" + tip + "\n\n"); // the branch stays, as in a real repository
            } else {
                Map<String, String> before = new TreeMap<>(mainTree);
                change(mainTree);
                mainTip = commit("refs/heads/main", mainTip, null, before, mainTree);
            }
        }
        Path marks = repo.sandbox.resolve("marks-" + System.nanoTime());
        repo.gitWithInput(stream.toByteArray(), "fast-import", "--quiet", "--export-marks=" + marks);
        markIds = new HashMap<>();
        for (String line : Files.readAllLines(marks)) {
            String[] parts = line.split(" ");
            markIds.put(Long.parseLong(parts[0].substring(1)), parts[1]);
        }
        repo.git("checkout", "-q", "-f", "main");
    }

    private Map<Long, String> markIds;

    String commitId(long mark) {
        return markIds.get(mark);
    }

    int commits() {
        return commits;
    }

    Map<String, Expected> expected() {
        return expected;
    }

    /** How many (commit, path) pairs wrote a candidate file version. */
    int candidateWrites() {
        return candidateWrites;
    }

    /** How many distinct contents were written to a candidate path. */
    int distinctCandidateContents() {
        return candidateContents.size();
    }

    /** One ordinary change: a Java file always, and in most commits one module's .npmrc to another content. */
    private void change(Map<String, String> tree) {
        String java = module(random.nextInt(modules)) + "/src/Main.java";
        tree.put(java, "class Main { int v = " + random.nextInt() + "; }\n");
        if (random.nextInt(10) < 7) {
            String path = module(random.nextInt(modules)) + "/" + NPMRC;
            String content;
            do {
                content = pool.get(random.nextInt(pool.size()));
            } while (content.equals(tree.get(path)));
            tree.put(path, content);
            record(nextMark, path, content);
        }
    }

    /** What the commit with {@code mark} writes at {@code path}. */
    private void record(long mark, String path, String content) {
        candidateContents.add(content);
        candidateWrites++;
        int index = pool.indexOf(content);
        String token = tokenOf.get(index);
        if (token == null) {
            return;
        }
        Expected e = expected.computeIfAbsent(
                token, t -> new Expected(t, mark, path, 3, new java.util.TreeSet<>(), new java.util.TreeSet<>()));
        e.marks().add(mark);
        e.paths().add(path);
    }

    private long commit(String ref, long from, Long merge, Map<String, String> before, Map<String, String> after) {
        long mark = nextMark++;
        commits++;
        time += 60;
        StringBuilder s = new StringBuilder();
        s.append("commit ").append(ref).append('\n');
        s.append("mark :").append(mark).append('\n');
        s.append("committer Test <test@example.invalid> ").append(time).append(" +0000\n");
        data(s, "commit " + commits);
        if (from != 0) {
            s.append("from :").append(from).append('\n');
        }
        if (merge != null) {
            s.append("merge :").append(merge).append('\n');
        }
        if (from == 0) {
            after.forEach((p, c) -> {
                if (p.endsWith(NPMRC)) {
                    candidateContents.add(c);
                    candidateWrites++;
                }
            });
        }
        after.forEach((path, content) -> {
            if (!content.equals(before.get(path))) {
                s.append("M 100644 inline ").append(path).append('\n');
                data(s, content);
            }
        });
        s.append('\n');
        stream(s.toString());
        return mark;
    }

    private static void data(StringBuilder s, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        s.append("data ").append(bytes.length).append('\n').append(text).append('\n');
    }

    private void stream(String text) {
        stream.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String module(int m) {
        return String.format("mod-%02d", m);
    }
}
