package io.github.npmrcguard.testsupport;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.Provenance;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.rules.ConfigDocument;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.scan.DocumentReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Parses test text with the real parsers and runs the real rules on it. */
public final class Docs {
    private Docs() {}

    public static ConfigDocument parse(String name, String text) {
        FileKind kind = FileKind.ofFileName(name.substring(name.lastIndexOf('/') + 1));
        ScanFile file =
                new ScanFile(name, Path.of(name), kind, Provenance.STAGED, text.getBytes(StandardCharsets.UTF_8));
        return new DocumentReader().read(file).document();
    }

    /** Every finding the rules make for this file. */
    public static List<Finding> check(String name, String text) {
        return RuleCatalogue.check(parse(name, text));
    }
}
