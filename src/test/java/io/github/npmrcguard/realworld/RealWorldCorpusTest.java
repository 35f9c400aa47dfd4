package io.github.npmrcguard.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.files.ScanSetReader;
import io.github.npmrcguard.realworld.Manifest.Entry;
import io.github.npmrcguard.realworld.Manifest.Expected;
import io.github.npmrcguard.realworld.Manifest.Kind;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.Severity;
import io.github.npmrcguard.scan.ScanResult;
import io.github.npmrcguard.scan.Scanner;
import io.github.npmrcguard.testsupport.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code check}'s scanner over config files taken from public repositories and labelled by hand
 * ({@code src/test/resources/realworld}, see its README), each alone in a folder under its own name, and
 * measures precision and recall of "fails the build". Prints a table and every disagreement by file id and
 * rule id, never a value. Recall must be 1.00, and precision at least {@link #PRECISION_TARGET}.
 */
class RealWorldCorpusTest {
    static final double PRECISION_TARGET = 0.97;

    private static final Path CORPUS = Path.of("src/test/resources/realworld");

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    @TempDir
    Path work;

    @Test
    void failsTheBuildOnEveryCommittedCredentialAndOnLittleElse() throws IOException {
        List<Entry> entries = Manifest.read(CORPUS.resolve("manifest.tsv"));
        List<String> secrets = new ArrayList<>();
        List<String> verdictDisagreements = new ArrayList<>();
        List<String> findingDisagreements = new ArrayList<>();
        Map<String, Integer> falseFailuresByLabel = new TreeMap<>();
        Map<String, Integer> findingPairs = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        Set<String> repos = new HashSet<>();
        StringBuilder everythingLogged = new StringBuilder();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int expectedFailing = 0;
        try (ScanSetReader reader = new ScanSetReader()) {
            Scanner scanner = new Scanner(reader::read);
            for (Entry e : entries) {
                repos.add(e.repo());
                kinds.merge(kindOf(e.fileName()), 1, Integer::sum);
                Path source = CORPUS.resolve("files").resolve(e.id()).resolve(e.fileName());
                SecretMarkers.Expanded file =
                        new SecretMarkers(e.id().hashCode()).expand(SecretMarkers.utf8(Files.readAllBytes(source)));
                assertFalse(file.text().contains("{{SECRET:"), e.id() + ": a marker was left unexpanded");
                assertTrue(
                        !e.fails() || !file.secrets().isEmpty(),
                        e.id() + " is labelled to fail but holds no generated secret");
                secrets.addAll(file.secrets());

                Path root = Files.createDirectories(work.resolve(e.id()));
                Files.writeString(root.resolve(e.fileName()), file.text(), StandardCharsets.UTF_8);
                ScanResult result = scanner.scan(root, p -> false, Allowlist.none(), TODAY);
                result.findings()
                        .forEach(f -> everythingLogged.append(f.logLine()).append('\n'));
                result.notes().forEach(n -> everythingLogged.append(n).append('\n'));

                boolean failed = !result.errors().isEmpty();
                expectedFailing += e.fails() ? 1 : 0;
                if (e.fails() && failed) {
                    tp++;
                } else if (!e.fails() && failed) {
                    fp++;
                    falseFailuresByLabel.merge(labelOf(e), 1, Integer::sum);
                } else if (e.fails()) {
                    fn++;
                }
                if (e.fails() != failed) {
                    verdictDisagreements.add(String.format(
                            Locale.ROOT,
                            "%s %-16s expected %s, got %s; labelled %s; found %s",
                            e.id(),
                            e.fileName(),
                            e.fails() ? "fail" : "pass",
                            failed ? "FAIL" : "pass",
                            labels(e.findings()),
                            ruleIds(result.findings())));
                }
                Set<Expected> got = mapped(result.findings());
                if (!got.equals(e.findings())) {
                    Set<Expected> missing = new TreeSet<>(ORDER);
                    missing.addAll(e.findings());
                    missing.removeAll(got);
                    Set<Expected> extra = new TreeSet<>(ORDER);
                    extra.addAll(got);
                    extra.removeAll(e.findings());
                    findingDisagreements.add(e.id() + " missing " + missing + " unexpected " + extra);
                    countPairs(e.findings(), got, findingPairs);
                }
            }
        }
        double precision = tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);

        StringBuilder table = new StringBuilder();
        table.append(String.format(
                Locale.ROOT, "realworld: %d files from %d repositories %s%n", entries.size(), repos.size(), kinds));
        table.append(String.format(
                Locale.ROOT,
                "realworld: expected failing %d, failed %d; tp %d fp %d fn %d; precision %.4f recall %.4f%n",
                expectedFailing,
                tp + fp,
                tp,
                fp,
                fn,
                precision,
                recall));
        table.append("realworld: false failures by label " + falseFailuresByLabel + "\n");
        verdictDisagreements.forEach(
                d -> table.append("realworld: verdict ").append(d).append('\n'));
        table.append("realworld: " + findingDisagreements.size() + " files whose findings differ from the labels, "
                + "by line as labelled->found " + findingPairs + "\n");
        findingDisagreements.forEach(
                d -> table.append("realworld: findings ").append(d).append('\n'));
        System.out.print(table);

        for (String secret : secrets) {
            TestTokens.assertNoFragment(table.toString(), secret, "the corpus report");
            TestTokens.assertNoFragment(everythingLogged.toString(), secret, "the scanner's log lines");
        }
        assertTrue(entries.size() >= 300, "the corpus holds at least 300 files: " + entries.size());
        assertEquals(0, fn, "every committed credential fails the build: " + verdictDisagreements);
        assertEquals(1.0, recall);
        assertTrue(precision >= PRECISION_TARGET, "precision " + precision + ": " + verdictDisagreements);
    }

    private static final Comparator<Expected> ORDER =
            Comparator.comparingInt(Expected::line).thenComparing(Expected::kind);

    /** The findings of the kinds the labels speak of, as line and kind. */
    private static Set<Expected> mapped(List<Finding> findings) {
        Set<Expected> out = new HashSet<>();
        for (Finding f : findings) {
            Kind kind = kindOfRule(f.rule().id());
            if (kind != null) {
                out.add(new Expected(f.line(), kind));
            }
        }
        return out;
    }

    /** Counts, line by line, what was labelled against what was found where the two differ. */
    private static void countPairs(Set<Expected> expected, Set<Expected> got, Map<String, Integer> pairs) {
        Map<Integer, Set<String>> byLineExpected = byLine(expected);
        Map<Integer, Set<String>> byLineGot = byLine(got);
        Set<Integer> lines = new TreeSet<>(byLineExpected.keySet());
        lines.addAll(byLineGot.keySet());
        for (int line : lines) {
            Set<String> want = byLineExpected.getOrDefault(line, Set.of());
            Set<String> have = byLineGot.getOrDefault(line, Set.of());
            if (!want.equals(have)) {
                String key = (want.isEmpty() ? "none" : String.join("+", want)) + "->"
                        + (have.isEmpty() ? "none" : String.join("+", have));
                pairs.merge(key, 1, Integer::sum);
            }
        }
    }

    private static Map<Integer, Set<String>> byLine(Set<Expected> findings) {
        Map<Integer, Set<String>> out = new TreeMap<>();
        for (Expected x : findings) {
            out.computeIfAbsent(x.line(), l -> new TreeSet<>())
                    .add(x.kind().name().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static Kind kindOfRule(String ruleId) {
        switch (ruleId) {
            case "literal-credential":
            case "placeholder-with-literal":
            case "pom-literal-env-token":
            case "pom-literal-argument-token":
            case "private-key":
                return Kind.LITERAL;
            case "known-token":
                return Kind.FORMAT;
            case "credentials-in-url":
            case "pom-credentials-in-url":
                return Kind.URL;
            case "dummy-credential":
                return Kind.STANDIN;
            case "placeholder-not-expanded":
                return Kind.UNEXPANDED;
            default:
                return null;
        }
    }

    /** Rule ids with their lines, errors in capitals: names what fired without a value. */
    private static String ruleIds(List<Finding> findings) {
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            String id = f.rule().id();
            out.add(f.line() + ":" + (f.severity() == Severity.ERROR ? id.toUpperCase(Locale.ROOT) : id));
        }
        return out.isEmpty() ? "-" : String.join(" ", out);
    }

    private static String labels(Set<Expected> findings) {
        Set<Expected> sorted = new TreeSet<>(ORDER);
        sorted.addAll(findings);
        return sorted.isEmpty() ? "-" : sorted.toString();
    }

    /** What a file that should pass was labelled as holding: its strongest warning kind, or none. */
    private static String labelOf(Entry e) {
        if (e.findings().stream().anyMatch(x -> x.kind() == Kind.STANDIN)) {
            return "standin";
        }
        if (e.findings().stream().anyMatch(x -> x.kind() == Kind.UNEXPANDED)) {
            return "unexpanded";
        }
        return "none";
    }

    private static String kindOf(String fileName) {
        if (fileName.equals("pom.xml")) {
            return "pom";
        }
        if (fileName.equals("bunfig.toml")) {
            return "bunfig";
        }
        if (fileName.startsWith(".yarnrc")) {
            return fileName.substring(1);
        }
        return fileName.equals(".npmrc") || fileName.equals("npmrc") ? "npmrc" : "npmrc-variant";
    }
}
