import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The repository of {@code bench/history.sh}: writes a {@code git fast-import} stream to standard output.
 * {@code java bench/HistoryGen.java COMMITS MODULES POMS_PER_COMMIT [SEED]}: a main line of COMMITS commits
 * over a reactor of MODULES modules; each commit bumps the version in POMS_PER_COMMIT module poms (each bump a
 * new, distinct pom of about 3.5 KB; every 15th module's pom configures frontend-maven-plugin), 1 in 8 commits
 * changes one module's {@code .npmrc} and 1 in 40 one {@code .yarnrc.yml}; 12 of the {@code .npmrc} versions
 * hold a token-shaped value, made here at run time and never committed to this repository.
 */
public final class HistoryGen {
    private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static void main(String[] args) throws IOException {
        int commits = Integer.parseInt(args[0]);
        int modules = Integer.parseInt(args[1]);
        int perCommit = Integer.parseInt(args[2]);
        Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : 20261206L);
        int[] revision = new int[modules];
        int npmrcVersions = 0;
        int tokens = 0;
        OutputStream out = new BufferedOutputStream(System.out, 1 << 20);
        long time = 1_600_000_000L;
        for (int c = 1; c <= commits; c++) {
            time += 600 + random.nextInt(3600);
            write(out, "commit refs/heads/main\nmark :" + c + "\ncommitter Bench <bench@example.invalid> " + time
                    + " +0000\ndata 9\ncommit " + (c % 10) + "\n");
            if (c > 1) {
                write(out, "from :" + (c - 1) + "\n");
            }
            int first = random.nextInt(modules);
            int count = c == 1 ? modules : perCommit;
            for (int k = 0; k < count; k++) {
                int m = (first + k * 7) % modules;
                revision[m]++;
                file(out, "module-" + m + "/pom.xml", pom(m, revision[m]));
            }
            if (c == 1 || c % 8 == 0) {
                int m = c == 1 ? 0 : random.nextInt(modules);
                npmrcVersions++;
                String auth = npmrcVersions % 100 == 50 && tokens < 12
                        ? "npm_" + random(random, 36) : "${NPM_TOKEN}";
                if (!auth.startsWith("$")) {
                    tokens++;
                }
                file(out, "module-" + m + "/frontend/.npmrc", "# revision " + npmrcVersions
                        + "\nregistry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=" + auth + "\n");
            }
            if (c % 40 == 0) {
                file(out, "module-" + random.nextInt(modules) + "/frontend/.yarnrc.yml", "# revision " + c
                        + "\nnpmRegistryServer: \"https://registry.yarnpkg.com\"\nnpmAuthToken: \"${NPM_TOKEN:-}\"\n");
            }
            write(out, "\n");
        }
        out.flush();
        System.err.println("HistoryGen: " + commits + " commits, " + tokens + " tokens");
    }

    private static String pom(int module, int revision) {
        StringBuilder s = new StringBuilder(4096);
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n")
                .append("  <modelVersion>4.0.0</modelVersion>\n  <parent><groupId>org.example.bench</groupId>")
                .append("<artifactId>parent</artifactId><version>1.").append(revision % 50).append("</version></parent>\n")
                .append("  <artifactId>module-").append(module).append("</artifactId>\n  <version>2.")
                .append(revision).append(".0</version>\n  <dependencies>\n");
        for (int d = 0; d < 24; d++) {
            s.append("    <dependency>\n      <groupId>org.example.lib").append(d % 6).append("</groupId>\n")
                    .append("      <artifactId>library-").append(d).append("</artifactId>\n      <version>")
                    .append(1 + (revision + d) % 9).append('.').append(d).append("</version>\n    </dependency>\n");
        }
        s.append("  </dependencies>\n");
        if (module % 15 == 0) {
            s.append("  <build><plugins><plugin>\n    <groupId>com.github.eirslett</groupId>\n")
                    .append("    <artifactId>frontend-maven-plugin</artifactId>\n    <configuration>\n")
                    .append("      <workingDirectory>frontend</workingDirectory>\n")
                    .append("      <environmentVariables><NPM_TOKEN>${env.NPM_TOKEN}</NPM_TOKEN></environmentVariables>\n")
                    .append("    </configuration>\n  </plugin></plugins></build>\n");
        }
        return s.append("</project>\n").toString();
    }

    private static String random(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return s.toString();
    }

    private static void file(OutputStream out, String path, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        write(out, "M 100644 inline " + path + "\ndata " + bytes.length + "\n");
        out.write(bytes);
        write(out, "\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
