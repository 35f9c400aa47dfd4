package io.github.npmrcguard.generate;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.Provenance;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.rules.ConfigDocument;
import io.github.npmrcguard.rules.CredentialKeys;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.rules.Severity;
import io.github.npmrcguard.rules.ValueClassifier;
import io.github.npmrcguard.rules.ValueKind;
import io.github.npmrcguard.scan.DocumentReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the {@code check} goal's rules over an existing file before the generator touches it. A file with an
 * error (a literal credential, a placeholder carrying a literal, credentials in a URL, a private key, a
 * known token format anywhere) is left alone: editing around a leaked token would hide it, and the remedy
 * is {@code fix} after revoking it.
 */
final class LiteralGuard {
    /** What the rules found: the errors, and the lines whose credential values must never be shown. */
    record Verdict(List<Finding> errors, Set<Integer> credentialLines) {
        boolean refused() {
            return !errors.isEmpty();
        }

        /** e.g. "line 3 [literal-credential], line 7 [known-token]" (no values). */
        String where() {
            List<String> parts = new ArrayList<>();
            for (Finding f : errors) {
                parts.add("line " + f.line() + " [" + f.rule().id() + "]");
            }
            return String.join(", ", parts);
        }
    }

    private LiteralGuard() {}

    static Verdict check(String displayPath, Path location, FileKind kind, byte[] bytes) {
        ConfigDocument doc = new DocumentReader()
                .read(new ScanFile(displayPath, location, kind, Provenance.NO_GIT, bytes))
                .document();
        List<Finding> errors = new ArrayList<>();
        for (Finding f : RuleCatalogue.check(doc)) {
            if (f.severity() == Severity.ERROR) {
                errors.add(f);
            }
        }
        Set<Integer> credentialLines = new HashSet<>();
        for (Setting s : doc.settings()) {
            // Stand-ins such as "changeme" are not errors, but they are not shown in a diff either.
            if (CredentialKeys.isCredential(kind, s)
                    && ValueClassifier.classify(s.value(), doc.dialect()) != ValueKind.PLACEHOLDER) {
                credentialLines.add(s.line());
            }
        }
        return new Verdict(List.copyOf(errors), Set.copyOf(credentialLines));
    }
}
