package io.github.npmrcguard.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.Provenance;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.scan.DocumentReader;
import io.github.npmrcguard.testsupport.TestTokens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs the scanner over the generated corpus and measures precision and recall of (file, line, rule)
 * findings. Prints the figures and every miss, and holds both at 0.98 or better.
 */
class CorpusTest {

    @Test
    void precisionAndRecallOnTheGeneratedCorpus() {
        List<CorpusGenerator.Case> cases = new CorpusGenerator().generate();
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        List<String> misses = new ArrayList<>();
        StringBuilder allOutput = new StringBuilder();
        for (CorpusGenerator.Case c : cases) {
            ScanFile file = new ScanFile(
                    c.name() + "/" + c.fileName(),
                    Path.of(c.fileName()),
                    FileKind.ofFileName(c.fileName()),
                    Provenance.STAGED,
                    c.content());
            DocumentReader.Read read = new DocumentReader().read(file);
            List<Finding> found = new ArrayList<>(read.findings());
            found.addAll(RuleCatalogue.check(read.document()));
            Set<CorpusGenerator.Expected> actual = new HashSet<>();
            for (Finding f : found) {
                actual.add(new CorpusGenerator.Expected(f.line(), f.rule().id()));
                allOutput.append(f.logLine()).append('\n');
            }
            for (CorpusGenerator.Expected e : actual) {
                if (c.expected().contains(e)) {
                    truePositives++;
                } else {
                    falsePositives++;
                    misses.add("unexpected " + c.name() + ":" + e.line() + " " + e.rule());
                }
            }
            for (CorpusGenerator.Expected e : c.expected()) {
                if (!actual.contains(e)) {
                    falseNegatives++;
                    misses.add("missed " + c.name() + ":" + e.line() + " " + e.rule());
                }
            }
            for (String secret : c.secrets()) {
                TestTokens.assertNoFragment(allOutput.toString(), secret, "the findings of " + c.name());
            }
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) (truePositives + falseNegatives);
        System.out.printf(
                "corpus: %d files, %d expected findings; precision %.4f, recall %.4f (tp %d, fp %d, fn %d)%n",
                cases.size(),
                truePositives + falseNegatives,
                precision,
                recall,
                truePositives,
                falsePositives,
                falseNegatives);
        misses.forEach(m -> System.out.println("corpus: " + m));
        assertTrue(cases.size() >= 100, "the corpus holds at least 100 files");
        assertTrue(precision >= 0.98, "precision " + precision + ": " + misses);
        assertTrue(recall >= 0.98, "recall " + recall + ": " + misses);
    }
}
