import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Synthetic repositories for the benchmark (bench/README.md). Run with the plugin jar on the class path
 * (for the npm token checksum): {@code java -cp <plugin.jar> bench/Gen.java ...}.
 *
 * <ul>
 * <li>{@code tree DIR FILES [SEED]}: a Maven multi-module tree of about FILES files. Each module has a pom,
 * Java sources and tests, and a {@code frontend} folder with {@code package.json}, a placeholder
 * {@code .npmrc}, sources and a {@code node_modules} (gitignored by the root {@code .gitignore}) holding
 * about 90% of the files; every 8th package there ships an {@code .npmrc} with a token-shaped value, as
 * real packages do. The values are made here at run time and never committed.</li>
 * <li>{@code history COMMITS DISTINCT [MODULES] [SEED]}: writes a {@code git fast-import} stream to
 * standard output (the approach of src/test/.../history/SyntheticHistory): a main line whose commits each
 * change a Java file and, 7 in 10, one module's {@code .npmrc} to one of DISTINCT contents (1 in 50 of
 * them holding a token), with a four-commit topic branch merged back every 25 commits.</li>
 * </ul>
 */
public final class Gen {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** Files one module holds; the module count is FILES / this. */
    static final int PER_MODULE = 2000;
    static final int JAVA_PACKAGES = 8, JAVA_PER_PACKAGE = 18, TEST_FILES = 24, FRONTEND_SOURCES = 30;
    static final int NODE_FILES_PER_PACKAGE = 29;

    private final Random random;
    private long written;

    private Gen(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "tree" -> {
                Gen g = new Gen(args.length > 3 ? Long.parseLong(args[3]) : 42);
                long t0 = System.nanoTime();
                g.tree(Path.of(args[1]), Integer.parseInt(args[2]));
                System.err.printf("Gen: %,d files under %s in %.1f s%n", g.written, args[1],
                        (System.nanoTime() - t0) / 1e9);
            }
            case "history" -> {
                int commits = Integer.parseInt(args[1]);
                int distinct = Integer.parseInt(args[2]);
                int modules = args.length > 3 ? Integer.parseInt(args[3]) : 40;
                Gen g = new Gen(args.length > 4 ? Long.parseLong(args[4]) : 42);
                try (OutputStream out = new BufferedOutputStream(System.out, 1 << 16)) {
                    g.history(out, commits, distinct, modules);
                }
            }
            default -> throw new IllegalArgumentException("tree DIR FILES [SEED] | history COMMITS DISTINCT [MODULES] [SEED]");
        }
    }

    // ---------------------------------------------------------------- tokens

    private String base62(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(BASE62.charAt(random.nextInt(62)));
        }
        return s.toString();
    }

    private static Method checksum;

    /** An npm-shaped token with a valid checksum, built here so that none is ever committed. */
    private String npmToken() {
        String body = base62(30);
        try {
            if (checksum == null) {
                checksum = Class.forName("io.github.npmrcguard.secrets.Base62Checksum")
                        .getMethod("of", CharSequence.class);
            }
            return "npm" + "_" + body + checksum.invoke(null, body);
        } catch (ReflectiveOperationException e) {
            return "npm" + "_" + body + base62(6); // shaped, checksum not valid
        }
    }

    // ---------------------------------------------------------------- tree

    private void write(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        written++;
    }

    private static Path dir(Path d) throws IOException {
        Files.createDirectories(d);
        return d;
    }

    void tree(Path root, int files) throws IOException {
        int modules = Math.max(1, Math.round(files / (float) PER_MODULE));
        dir(root);
        StringBuilder mods = new StringBuilder();
        for (int m = 0; m < modules; m++) {
            mods.append("    <module>").append(module(m)).append("</module>\n");
        }
        write(root.resolve("pom.xml"), pom("bench-root", "pom", "  <modules>\n" + mods + "  </modules>\n"));
        write(root.resolve(".gitignore"), "node_modules/\ntarget/\n");
        write(root.resolve(".npmrc"), "registry=https://registry.npmjs.org/\n"
                + "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n");
        for (int m = 0; m < modules; m++) {
            module(root.resolve(module(m)), m);
        }
    }

    private static String module(int m) {
        return String.format("mod-%04d", m);
    }

    private static String pom(String artifact, String packaging, String extra) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n  <groupId>bench</groupId>\n  <artifactId>" + artifact
                + "</artifactId>\n  <version>1.0</version>\n  <packaging>" + packaging + "</packaging>\n" + extra
                + "</project>\n";
    }

    private void module(Path mod, int m) throws IOException {
        dir(mod);
        write(mod.resolve("pom.xml"), pom(module(m), "jar", ""));
        for (int p = 0; p < JAVA_PACKAGES; p++) {
            Path pkg = dir(mod.resolve("src/main/java/com/example/m" + m + "/p" + p));
            for (int c = 0; c < JAVA_PER_PACKAGE; c++) {
                write(pkg.resolve("C" + c + ".java"), "package com.example.m" + m + ".p" + p + ";\n\npublic class C" + c
                        + " {\n    int v = " + random.nextInt() + ";\n}\n");
            }
        }
        Path test = dir(mod.resolve("src/test/java/com/example/m" + m));
        for (int c = 0; c < TEST_FILES; c++) {
            write(test.resolve("C" + c + "Test.java"), "package com.example.m" + m + ";\n\nclass C" + c + "Test {}\n");
        }
        Path fe = dir(mod.resolve("frontend"));
        write(fe.resolve("package.json"), "{\n  \"name\": \"frontend-" + m + "\",\n  \"version\": \"1.0.0\",\n"
                + "  \"private\": true\n}\n");
        write(fe.resolve(".npmrc"), "@acme:registry=https://npm.pkg.github.com/\n"
                + "//npm.pkg.github.com/:_authToken=${NODE_AUTH_TOKEN}\n");
        Path src = dir(fe.resolve("src/components"));
        for (int c = 0; c < FRONTEND_SOURCES; c++) {
            write(src.resolve("C" + c + ".js"), "export const c" + c + " = " + random.nextInt() + ";\n");
        }
        int used = 1 + JAVA_PACKAGES * JAVA_PER_PACKAGE + TEST_FILES + 2 + FRONTEND_SOURCES;
        int packages = Math.max(1, (PER_MODULE - used) / NODE_FILES_PER_PACKAGE);
        Path nm = dir(fe.resolve("node_modules"));
        for (int k = 0; k < packages; k++) {
            String name = k % 5 == 0 ? "@scope" + (k % 3) + "/pkg-" + k : "pkg-" + k;
            nodePackage(dir(nm.resolve(name)), name, k % 8 == 3);
        }
    }

    private void nodePackage(Path pkg, String name, boolean shipsNpmrc) throws IOException {
        write(pkg.resolve("package.json"), "{\"name\":\"" + name + "\",\"version\":\"" + random.nextInt(10) + ".0.0\"}\n");
        write(pkg.resolve("README.md"), "# " + name + "\n");
        write(pkg.resolve("index.js"), "module.exports = require('./lib/f0');\n");
        Path lib = dir(pkg.resolve("lib"));
        for (int f = 0; f < 20; f++) {
            write(lib.resolve("f" + f + ".js"), "module.exports = " + random.nextInt() + ";\n");
        }
        Path dist = dir(pkg.resolve("dist"));
        for (int f = 0; f < (shipsNpmrc ? 5 : 6); f++) {
            write(dist.resolve("b" + f + ".min.js"), "!function(){return " + random.nextInt() + "}();\n");
        }
        if (shipsNpmrc) {
            write(pkg.resolve(".npmrc"), "//registry.npmjs.org/:_authToken=" + npmToken() + "\n");
        }
    }

    // ---------------------------------------------------------------- history

    private OutputStream out;
    private long mark = 1;
    private long time = 1_700_000_000L;
    private int commits;

    void history(OutputStream out, int target, int distinct, int modules) throws IOException {
        this.out = out;
        List<String> pool = new ArrayList<>();
        int secrets = Math.max(1, distinct / 50);
        for (int i = 0; i < distinct; i++) {
            pool.add(i < secrets
                    ? "# revision " + i + "\n@acme:registry=https://npm.pkg.github.com/\n//npm.pkg.github.com/:_authToken="
                            + npmToken() + "\n"
                    : "registry=https://registry.npmjs.org/\n# revision " + i + "\n"
                            + "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n");
        }
        TreeMap<String, String> main = new TreeMap<>();
        for (int m = 0; m < modules; m++) {
            main.put(String.format("mod-%02d/.npmrc", m), pool.get(distinct - 1 - m % (distinct - secrets)));
            main.put(String.format("mod-%02d/src/Main.java", m), "class Main {}\n");
        }
        long mainTip = commit("refs/heads/main", 0, 0, new TreeMap<>(), main);
        int topic = 0;
        while (commits < target) {
            if (commits % 25 == 24 && commits + 6 <= target) {
                String ref = "refs/heads/topic-" + topic++;
                TreeMap<String, String> t = new TreeMap<>(main);
                long tip = mainTip;
                for (int k = 0; k < 4; k++) {
                    TreeMap<String, String> before = new TreeMap<>(t);
                    change(t, pool, modules);
                    tip = commit(ref, tip, 0, before, t);
                }
                TreeMap<String, String> before = new TreeMap<>(main);
                main = t;
                mainTip = commit("refs/heads/main", mainTip, tip, before, main);
            } else {
                TreeMap<String, String> before = new TreeMap<>(main);
                change(main, pool, modules);
                mainTip = commit("refs/heads/main", mainTip, 0, before, main);
            }
        }
        emit("checkpoint\n");
    }

    private void change(TreeMap<String, String> tree, List<String> pool, int modules) {
        tree.put(String.format("mod-%02d/src/Main.java", random.nextInt(modules)),
                "class Main { int v = " + random.nextInt() + "; }\n");
        if (random.nextInt(10) < 7) {
            String path = String.format("mod-%02d/.npmrc", random.nextInt(modules));
            String content;
            do {
                content = pool.get(random.nextInt(pool.size()));
            } while (content.equals(tree.get(path)));
            tree.put(path, content);
        }
    }

    private long commit(String ref, long from, long merge, TreeMap<String, String> before,
            TreeMap<String, String> after) throws IOException {
        long m = mark++;
        commits++;
        time += 60;
        StringBuilder s = new StringBuilder();
        s.append("commit ").append(ref).append("\nmark :").append(m).append('\n');
        s.append("committer Bench <bench@example.invalid> ").append(time).append(" +0000\n");
        data(s, "commit " + commits);
        if (from != 0) {
            s.append("from :").append(from).append('\n');
        }
        if (merge != 0) {
            s.append("merge :").append(merge).append('\n');
        }
        after.forEach((path, content) -> {
            if (!content.equals(before.get(path))) {
                s.append("M 100644 inline ").append(path).append('\n');
                data(s, content);
            }
        });
        s.append('\n');
        emit(s.toString());
        return m;
    }

    private static void data(StringBuilder s, String text) {
        s.append("data ").append(text.getBytes(StandardCharsets.UTF_8).length).append('\n').append(text).append('\n');
    }

    private void emit(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
