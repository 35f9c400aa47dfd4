package io.github.npmrcguard.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells the user how to hand a module's generated user config to its frontend build: pnpm and yarn 1 find
 * their tokens only there, and only when the build sets {@code NPM_CONFIG_USERCONFIG}. It prints the exact XML
 * for the configuration it belongs in, and nothing when every run of the module already points at the file.
 */
final class UserConfigWiring {
    private static final Pattern EXEC_PACKAGE_MANAGER = Pattern.compile(
            "<executable>\\s*(?:[^<]*[/\\\\])?(?:npm|npx|pnpm|yarn|bun)(?:\\.cmd|\\.exe)?\\s*</executable>");

    private UserConfigWiring() {}

    /** Whether a configured {@code NPM_CONFIG_USERCONFIG} value points at the generated user config. */
    static boolean pointsAt(String value, Path userConfigFile) {
        if (value == null) {
            return false;
        }
        String v = value.strip().replace('\\', '/');
        if (v.contains("${" + BuildRun.USERCONFIG_PROPERTY + "}") || v.endsWith("/npmrc-guard/.npmrc")) {
            return true;
        }
        try {
            return Path.of(value.strip())
                    .toAbsolutePath()
                    .normalize()
                    .equals(userConfigFile.toAbsolutePath().normalize());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether a pom's text names frontend-maven-plugin, or exec-maven-plugin running a package manager. */
    private static boolean namesPackageManagerRun(Path pom) {
        try {
            String text = Files.isRegularFile(pom) ? Files.readString(pom, StandardCharsets.UTF_8) : "";
            return text.contains("<artifactId>frontend-maven-plugin</artifactId>")
                    || EXEC_PACKAGE_MANAGER.matcher(text).find();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the module's build runs no package manager the plugin can see, so the hint has no XML to give. */
    static boolean runsNoPackageManager(ModuleInput module) {
        return module.runs().isEmpty()
                && !namesPackageManagerRun(module.moduleDirectory().resolve("pom.xml"));
    }

    /**
     * One hint for several modules that {@link #runsNoPackageManager run no package manager}: the same advice
     * for each, said once.
     *
     * @param clients what needs each module's file, e.g. {@code pnpm in web/frontend}
     */
    static Message hintForModulesWithoutRuns(List<String> clients) {
        return Message.info(listed(clients)
                + " read their tokens from npmrc-guard/.npmrc in their module's build folder only"
                + " when " + BuildRun.USERCONFIG_VARIABLE + " points at it; their poms run no frontend-maven-plugin or"
                + " exec-maven-plugin package manager, so set " + BuildRun.USERCONFIG_VARIABLE + " to that file"
                + " wherever each install runs (the build sets its path as ${" + BuildRun.USERCONFIG_PROPERTY + "})");
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String listed(List<String> items) {
        return items.size() == 1
                ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** {@code pnpm in web reads its token}, or for several {@code ... and ... read their tokens}. */
    private static String readers(List<String> clients) {
        return listed(clients) + (clients.size() == 1 ? " reads its token" : " read their tokens");
    }

    /**
     * The hint for one module, or empty when its build already points every run at the file.
     *
     * @param module  the module
     * @param clients what needs the file, e.g. {@code pnpm in web/frontend}
     */
    static Optional<Message> hint(ModuleInput module, List<String> clients, PathDisplay display) {
        Path file = module.userConfigFile();
        String pom = display.of(module.moduleDirectory().resolve("pom.xml"));
        String element = "<" + BuildRun.USERCONFIG_VARIABLE + ">${" + BuildRun.USERCONFIG_PROPERTY + "}</"
                + BuildRun.USERCONFIG_VARIABLE + ">";
        List<BuildRun> unwired = new ArrayList<>();
        for (BuildRun run : module.runs()) {
            if (!pointsAt(run.userConfig(), file)) {
                unwired.add(run);
            }
        }
        if (module.runs().isEmpty()
                && namesPackageManagerRun(module.moduleDirectory().resolve("pom.xml"))) {
            // Runs not known (a folder-mode generate reads no Maven model), but the pom names a plugin that runs one.
            return Optional.of(Message.warning(readers(clients) + " from " + display.of(file) + " only when "
                    + BuildRun.USERCONFIG_VARIABLE + " points at it; in " + pom + " add to the <configuration> of the"
                    + " frontend-maven-plugin or exec-maven-plugin execution that runs the package manager:\n"
                    + "  <environmentVariables>\n    " + element + "\n  </environmentVariables>"));
        }
        if (module.runs().isEmpty()) {
            return Optional.of(Message.info(readers(clients) + " from " + display.of(file) + " only when "
                    + BuildRun.USERCONFIG_VARIABLE + " points at it; " + pom + " runs no frontend-maven-plugin or"
                    + " exec-maven-plugin package manager, so set " + BuildRun.USERCONFIG_VARIABLE + " to that file"
                    + " wherever the install runs (the build sets its path as ${" + BuildRun.USERCONFIG_PROPERTY
                    + "})"));
        }
        if (unwired.isEmpty()) {
            return Optional.empty();
        }
        Set<String> plugins = new LinkedHashSet<>();
        unwired.forEach(r -> plugins.add(r.plugin()));
        StringBuilder where = new StringBuilder();
        boolean inEnvironment;
        if (plugins.size() == 1 && unwired.size() == 1 && !unwired.get(0).pluginLevel()) {
            BuildRun run = unwired.get(0);
            where.append("the <configuration> of ")
                    .append(run.plugin())
                    .append("'s execution \"")
                    .append(run.execution())
                    .append('"');
            inEnvironment = run.hasEnvironment();
        } else {
            where.append("the plugin-level <configuration> of ")
                    .append(String.join(" and ", plugins))
                    .append(" (every execution inherits it; runs not pointing at it: ");
            List<String> ids = new ArrayList<>();
            unwired.forEach(r -> ids.add(r.execution()));
            where.append(String.join(", ", ids)).append(')');
            inEnvironment = unwired.stream().allMatch(r -> r.pluginLevel() && r.pluginEnvironment());
        }
        String xml = inEnvironment
                ? "  " + element
                : "  <environmentVariables>\n    " + element + "\n  </environmentVariables>";
        boolean elsewhere = unwired.stream().anyMatch(r -> r.userConfig() != null);
        String header = readers(clients) + " from " + display.of(file) + " only when "
                + BuildRun.USERCONFIG_VARIABLE + " points at it"
                + (elsewhere ? ", and " + pom + " points it at another file: replace that entry; " : "; ")
                + "in " + pom + " add to " + where + (inEnvironment ? ", inside its <environmentVariables>" : "") + ":";
        return Optional.of(Message.warning(header + "\n" + xml));
    }
}
