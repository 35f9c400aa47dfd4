package io.github.npmrcguard.scan;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.generate.PackageManager;
import io.github.npmrcguard.parse.DecodedText;
import io.github.npmrcguard.parse.Lines;
import io.github.npmrcguard.parse.ParseException;
import io.github.npmrcguard.parse.Parsers;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.parse.TextDecoder;
import io.github.npmrcguard.rules.ConfigDocument;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.RuleCatalogue;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns one file version into a document for the rules: decodes its bytes, splits its lines, parses its
 * settings. A file that cannot be decoded or parsed still has its raw lines searched for token formats.
 */
public final class DocumentReader {
    /** A document and the findings made while reading it (unparsable content). */
    public record Read(ConfigDocument document, List<Finding> findings) {
    }

    public Read read(ScanFile file) {
        String text;
        DecodedText decoded;
        try {
            decoded = new TextDecoder().decode(file.content());
            text = decoded.text();
        } catch (ParseException e) {
            // Binary junk: its client cannot read it, but a token pasted into it is still committed.
            text = new String(file.content(), StandardCharsets.ISO_8859_1);
            return new Read(new ConfigDocument(file.path(), file.kind(), Lines.split(text), List.of()),
                    List.of(unparsable(file, e)));
        }
        List<String> lines = Lines.split(text);
        try {
            List<Setting> settings = Parsers.forKind(file.kind()).parse(decoded);
            return new Read(new ConfigDocument(file.path(), file.kind(), lines, settings, client(file)), List.of());
        } catch (ParseException e) {
            return new Read(new ConfigDocument(file.path(), file.kind(), lines, List.of()),
                    List.of(unparsable(file, e)));
        }
    }

    /** The package manager of the frontend in the file's own folder, when there is one (only .npmrc needs it). */
    private static String client(ScanFile file) {
        if (file.kind() != FileKind.NPMRC || file.location() == null || file.location().getParent() == null) {
            return "";
        }
        return PackageManager.of(file.location().getParent()).map(pm -> pm.kind().label()).orElse("");
    }

    private static Finding unparsable(ScanFile file, ParseException e) {
        return new Finding(file.path(), Math.max(1, e.line()), RuleCatalogue.UNPARSABLE_FILE,
                RuleCatalogue.UNPARSABLE_FILE.severity(), e.getMessage(), "", "", "");
    }
}
