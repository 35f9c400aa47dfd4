package io.github.npmrcguard.generate;

import io.github.npmrcguard.parse.ParseException;
import io.github.npmrcguard.parse.TextDecoder;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The frontend folders Quarkus Quinoa builds, from {@code quarkus.quinoa.ui-dir} (and its {@code %profile.}
 * variants) in the module's {@code src/main/resources/application.properties}, {@code application.yaml} or
 * {@code application.yml} (every document of it), of a module whose pom names Quarkus. Quinoa's default, {@code src/main/webui}, is found like any other folder with a
 * {@code package.json}; this class only reads what the configuration names.
 */
public final class QuinoaConfig {
    static final String KEY = "quarkus.quinoa.ui-dir";
    private static final String RESOURCES = "src/main/resources";

    private QuinoaConfig() {}

    /** A folder named by {@code ui-dir}, and the file that names it. */
    public record UiDir(Path folder, Path declaredIn) {}

    /** The folders {@code ui-dir} names in a module, as {@link #uiDirs(Path, List, PathDisplay)}, unreadable files skipped. */
    public static List<Path> folders(Path moduleDirectory) {
        return uiDirs(moduleDirectory, new ArrayList<>(), new PathDisplay(moduleDirectory)).stream()
                .map(UiDir::folder)
                .toList();
    }

    /**
     * The folders {@code ui-dir} names, relative ones resolved against the module folder (as Quinoa does), in
     * the order they are written. A file that cannot be read is a warning and names nothing.
     */
    static List<UiDir> uiDirs(Path moduleDirectory, List<Message> messages, PathDisplay display) {
        List<UiDir> out = new ArrayList<>();
        if (!mayBeQuarkus(moduleDirectory)) {
            return out; // a Spring application.yaml, say: not Quinoa's, so neither read nor warned about
        }
        Path resources = moduleDirectory.resolve(RESOURCES);
        Path properties = resources.resolve("application.properties");
        if (Files.isRegularFile(properties)) {
            try {
                Properties p = new Properties();
                p.load(new StringReader(read(properties)));
                // The default profile's first, then the profiles' by name: Properties keeps no order.
                for (String key : p.stringPropertyNames().stream()
                        .sorted(java.util.Comparator.comparing((String k) -> k.startsWith("%"))
                                .thenComparing(k -> k))
                        .toList()) {
                    if (isUiDirKey(key)) {
                        add(moduleDirectory, p.getProperty(key), properties, out);
                    }
                }
            } catch (IOException | ParseException | IllegalArgumentException e) {
                messages.add(Message.warning(display.of(properties) + " was not read for " + KEY
                        + ": it could not be read as a properties file"));
            }
        }
        for (String name : List.of("application.yaml", "application.yml")) {
            Path yaml = resources.resolve(name);
            if (!Files.isRegularFile(yaml)) {
                continue;
            }
            try {
                for (String[] s : QuinoaYaml.settings(read(yaml))) {
                    if (isUiDirKey(s[0])) {
                        add(moduleDirectory, s[1], yaml, out);
                    }
                }
            } catch (IOException | ParseException | RuntimeException e) {
                messages.add(Message.warning(
                        display.of(yaml) + " was not read for " + KEY + ": it could not be parsed as YAML"));
            }
        }
        return out;
    }

    /** Whether the module's pom names Quarkus or Quarkiverse (a dependency, a plugin, a BOM); true when there is no pom. */
    private static boolean mayBeQuarkus(Path moduleDirectory) {
        Path pom = moduleDirectory.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return true;
        }
        try {
            String text = read(pom).toLowerCase(java.util.Locale.ROOT);
            return text.contains("quarkus") || text.contains("quarkiverse");
        } catch (IOException | ParseException e) {
            return true;
        }
    }

    private static boolean isUiDirKey(String key) {
        return key.equals(KEY)
                || key.startsWith("%")
                        && key.endsWith("." + KEY)
                        && key.indexOf('.') == key.length() - KEY.length() - 1;
    }

    private static void add(Path moduleDirectory, String value, Path file, List<UiDir> out) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.contains("${")) {
            return; // an expression Quarkus resolves at build time: not ours to guess
        }
        Path folder = moduleDirectory.resolve(v).normalize();
        if (out.stream().noneMatch(u -> u.folder().equals(folder))) {
            out.add(new UiDir(folder, file));
        }
    }

    private static String read(Path file) throws IOException, ParseException {
        return new TextDecoder().decode(Files.readAllBytes(file)).text();
    }
}
