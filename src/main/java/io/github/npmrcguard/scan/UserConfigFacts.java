package io.github.npmrcguard.scan;

import io.github.npmrcguard.generate.PackageManager;
import io.github.npmrcguard.generate.QuinoaConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a Maven module's pnpm or yarn 1 frontend takes its tokens from the user config {@code generate}
 * wrote for it: those clients then authenticate only when the build sets {@code NPM_CONFIG_USERCONFIG}.
 * Looked at only for a {@code pom.xml}, and only when a rule asks.
 */
final class UserConfigFacts {
    /** Where {@code generate} writes a module's user config, under the default build folder. */
    static final String GENERATED = "target/npmrc-guard/.npmrc";

    private static final List<String> FRONTEND_FOLDERS = List.of("", "src/main/frontend", "src/main/webui", "frontend");
    private static final Pattern WORKING_DIRECTORY = Pattern.compile("<workingDirectory>([^<]*)</workingDirectory>");
    private static final Pattern AUTH_LINE = Pattern.compile("(?m)^\\s*//[^\\s=]*:_(?:authToken|auth|password)\\s*=");

    private UserConfigFacts() {}

    /**
     * For the module in {@code dir}: e.g. {@code pnpm in src/main/frontend} when its generated user config
     * holds an auth line and a frontend of the module (in a conventional folder, Quinoa's {@code ui-dir} or a
     * {@code workingDirectory} the pom names) is run by pnpm or yarn 1, and no parent pom above it
     * already mentions {@code NPM_CONFIG_USERCONFIG}; else empty.
     */
    static String frontend(Path dir, byte[] pom) {
        if (!holdsAuth(dir.resolve(GENERATED))) {
            return "";
        }
        List<Path> candidates = new ArrayList<>();
        FRONTEND_FOLDERS.forEach(f -> candidates.add(dir.resolve(f).normalize()));
        candidates.addAll(QuinoaConfig.folders(dir));
        Matcher m = WORKING_DIRECTORY.matcher(new String(pom, StandardCharsets.UTF_8));
        while (m.find()) {
            String value = m.group(1).strip().replaceFirst("^\\$\\{(?:project\\.)?basedir}/?", "");
            if (!value.contains("${")) {
                try {
                    candidates.add(dir.resolve(value).normalize());
                } catch (RuntimeException e) {
                    // not a path on this system: not a folder to look at
                }
            }
        }
        String found = "";
        for (Path folder : candidates) {
            Optional<PackageManager> pm = PackageManager.of(folder);
            if (pm.isPresent()
                    && (pm.get().kind() == PackageManager.Kind.PNPM
                            || pm.get().kind() == PackageManager.Kind.YARN_CLASSIC)) {
                String relative = dir.relativize(folder).toString().replace('\\', '/');
                found = pm.get().kind().label() + " in " + (relative.isEmpty() ? "this module" : relative);
                break;
            }
        }
        return found.isEmpty() || parentSetsIt(dir) ? "" : found;
    }

    private static boolean holdsAuth(Path file) {
        try {
            return Files.isRegularFile(file)
                    && AUTH_LINE
                            .matcher(Files.readString(file, StandardCharsets.UTF_8))
                            .find();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether a pom in a folder above (a parent's pluginManagement, say) names the variable. */
    private static boolean parentSetsIt(Path dir) {
        for (Path up = dir.getParent(); up != null && Files.isRegularFile(up.resolve("pom.xml")); up = up.getParent()) {
            try {
                String text = Files.readString(up.resolve("pom.xml"), StandardCharsets.UTF_8);
                if (text.toUpperCase(Locale.ROOT).contains("NPM_CONFIG_USERCONFIG")) {
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return false;
    }
}
