package io.github.npmrcguard.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.files.ScanSetReader;
import io.github.npmrcguard.fix.Fixer;
import io.github.npmrcguard.fix.VariableNames;
import io.github.npmrcguard.generate.FileChange;
import io.github.npmrcguard.generate.GenerationResult;
import io.github.npmrcguard.generate.Generator;
import io.github.npmrcguard.generate.GeneratorOptions;
import io.github.npmrcguard.generate.ModuleInput;
import io.github.npmrcguard.history.HistoryRange;
import io.github.npmrcguard.history.HistoryResult;
import io.github.npmrcguard.history.HistoryScanner;
import io.github.npmrcguard.report.SarifWriter;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.scan.ScanResult;
import io.github.npmrcguard.scan.Scanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check}, {@code fix}, {@code generate} and {@code history} (their plain classes) over the generated
 * corpus, committed to a git repository, with every corpus secret also in the environment {@code generate}
 * sees: no 8-character window of any secret appears in anything they print (findings, notes, SARIF, fix
 * and generate log lines, diffs, history lines), in any file {@code generate} writes (beyond a secret the
 * file already held, which {@code fix} could not rewrite), or in a file {@code fix} rewrote, for the
 * secrets it rewrote there.
 */
class EveryGoalKeepsSecretsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void nothingPrintedOrWrittenHoldsAFragmentOfASecret() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("repo"));
        git(root, "init", "-q", "-b", "main");
        List<CorpusGenerator.Case> cases = new CorpusGenerator().generate();
        List<String> secrets = new ArrayList<>();
        Map<String, String> env = new HashMap<>();
        List<ModuleInput> modules = new ArrayList<>();
        int i = 0;
        for (CorpusGenerator.Case c : cases) {
            Path dir = Files.createDirectories(root.resolve("m" + i));
            Files.write(dir.resolve(c.fileName()), c.content());
            if (!c.fileName().equals("pom.xml")) {
                Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
            }
            Files.writeString(dir.resolve("package.json"), "{\"name\":\"m" + i + "\",\"version\":\"1.0.0\"}\n");
            modules.add(ModuleInput.of(dir));
            for (String s : c.secrets()) {
                secrets.add(s);
                env.put("SECRET_" + env.size(), s);
            }
            i++;
        }
        env.put("NPM_TOKEN", secrets.get(0));
        assertTrue(secrets.size() > 20, "corpus secrets: " + secrets.size());
        git(root, "add", "-A");
        git(root, "commit", "-q", "-m", "corpus");

        StringBuilder printed = new StringBuilder();

        // check
        ScanResult check = new Scanner(new ScanSetReader()::read).scan(root, p -> false, Allowlist.none(), TODAY);
        assertFalse(check.errors().isEmpty());
        check.findings().forEach(f -> printed.append(f.logLine()).append('\n'));
        check.allowed().forEach(a -> printed.append(a).append('\n'));
        printed.append(check.notes()).append('\n');
        printed.append(new SarifWriter("0.0.0").toJson(check.findings(), RuleCatalogue.infos()))
                .append('\n');

        // history, before fix commits nothing: the corpus commit holds every secret
        HistoryResult history =
                new HistoryScanner().scan(root, HistoryRange.all(), p -> false, Allowlist.none(), TODAY);
        assertFalse(history.passed());
        history.logLines().forEach(l -> printed.append(l).append('\n'));
        printed.append(history.summary()).append('\n').append(history.notes()).append('\n');

        // fix
        Fixer.Report fixed = new Fixer(new VariableNames(Map.of())).fix(root, check, false);
        assertFalse(fixed.fixed().isEmpty());
        fixed.fixed().forEach(f -> printed.append(f.logLine(false)).append('\n'));
        fixed.manual().forEach(m -> printed.append(m.logLine()).append('\n'));
        printed.append(fixed.filesChanged()).append('\n');
        Set<String> fixedFingerprints = new HashSet<>();
        fixed.fixed().forEach(f -> fixedFingerprints.add(f.finding().fingerprint()));
        int rewrittenSecrets = 0;
        for (String path : fixed.filesChanged()) {
            String written = Files.readString(root.resolve(path), StandardCharsets.ISO_8859_1);
            for (String s : secrets) {
                if (fixedFingerprints.contains(io.github.npmrcguard.secrets.Fingerprint.of(s))) {
                    assertNoFragment(written, s, "the file fix rewrote, " + path);
                    rewrittenSecrets++;
                }
            }
        }
        assertTrue(rewrittenSecrets > 0);

        // generate, with the secrets in its environment; a file it updates may keep a secret fix left there
        Map<Path, String> before = new HashMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/.git/"))
                    .toList()) {
                before.put(p, Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        GenerationResult generated = new Generator(GeneratorOptions.builder()
                        .environment(env)
                        .homeDirectory(tmp.resolve("home"))
                        .projectRoot(root)
                        .build())
                .run(modules);
        generated.messages().forEach(m -> printed.append(m.text()).append('\n'));
        for (FileChange f : generated.files()) {
            printed.append(f.summary()).append('\n').append(f.diff()).append('\n');
            if (Files.isRegularFile(f.path())) {
                String old = before.getOrDefault(f.path(), "");
                for (String s : secrets) {
                    if (!old.contains(s)) {
                        assertNoFragment(
                                Files.readString(f.path(), StandardCharsets.ISO_8859_1),
                                s,
                                "a file generate wrote, " + f.displayPath());
                    }
                }
            }
        }
        try (Stream<Path> home = Files.walk(tmp.resolve("home")).filter(Files::isRegularFile)) {
            for (Path p : home.toList()) {
                for (String s : secrets) {
                    assertNoFragment(
                            Files.readString(p, StandardCharsets.ISO_8859_1), s, "a user config generate wrote");
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // generate wrote no user config
        }

        String all = printed.toString();
        assertTrue(all.length() > 1000, "printed " + all.length() + " chars");
        for (String s : secrets) {
            assertNoFragment(all, s, "what check, fix, generate and history print");
        }
    }

    private static void assertNoFragment(String text, String secret, String where) {
        for (int i = 0; i + 8 <= secret.length(); i++) {
            if (text.contains(secret.substring(i, i + 8))) {
                throw new AssertionError("a fragment of the secret with fingerprint "
                        + io.github.npmrcguard.secrets.Fingerprint.of(secret) + " appears in " + where);
            }
        }
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(
                List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "git " + args[0] + ": " + new String(out, StandardCharsets.UTF_8));
    }
}
