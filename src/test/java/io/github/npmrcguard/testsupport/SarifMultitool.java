package io.github.npmrcguard.testsupport;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Microsoft's SARIF validator ({@code @microsoft/sarif-multitool}, a .NET program shipped in npm packages,
 * one per OS), installed through {@link NodeTools} and run on SARIF files.
 *
 * <p>It runs the platform binary directly: the package's {@code bin.js} passes its arguments through a
 * shell, which splits paths with spaces. It checks both the SARIF rules (the default) and the GitHub code
 * scanning rules ({@code Gh}), since the plugin's report is meant to upload to GitHub as it is; the Azure
 * DevOps rules are left out (they ask for {@code automationDetails}, which would override the category a
 * user gives GitHub's upload action). Notes are requested too, so a test can see them.
 */
public final class SarifMultitool {

    /** The validator version, pinned for the main package and the platform package. */
    public static final String VERSION = "5.7.0";

    private static final String OS = platform();

    private SarifMultitool() {}

    /** What gets installed: the package, its platform packages pinned, the binary made executable. */
    public static NodeTools.Spec spec() {
        return NodeTools.Spec.of("@microsoft/sarif-multitool", VERSION)
                .pin("@microsoft/sarif-multitool-darwin", VERSION)
                .pin("@microsoft/sarif-multitool-linux", VERSION)
                .pin("@microsoft/sarif-multitool-win32", VERSION)
                .lockfile("node-tools/sarif-multitool/package-lock.json")
                .executable(binaryPath()); // its own postinstall (chmod) does not run: npm runs no scripts
    }

    /** The platform binary, installing the validator first if needed. */
    public static Path executable() {
        return NodeTools.defaults().install(spec()).file(binaryPath());
    }

    private static String binaryPath() {
        return "node_modules/@microsoft/sarif-multitool-" + OS + "/Sarif.Multitool"
                + (OS.equals("win32") ? ".exe" : "");
    }

    /**
     * Validates SARIF files in one run of the validator.
     *
     * @param workDir a folder for the validator's own output log
     * @param files   the logs to validate
     * @return what the validator found
     * @throws AssertionError if the validator cannot run or did not finish its analysis
     */
    public static Report validate(Path workDir, Path... files) throws IOException, InterruptedException {
        Path binary = executable();
        Path output = Files.createTempFile(workDir, "validation-", ".sarif");
        Files.delete(output); // the validator refuses to overwrite a file
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "validate",
                "--rule-kind",
                "Sarif;Gh",
                "--level",
                "Error;Warning;Note",
                // Last before the files: list options such as --log would swallow the file names.
                "--output",
                output.toString()));
        for (Path f : files) {
            command.add(f.toAbsolutePath().toString());
        }
        Path consoleLog = Files.createTempFile(workDir, "validation-", ".log");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(consoleLog.toFile());
        // .NET needs ICU for culture data unless told not to; a CI image may not have libicu.
        pb.environment().put("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1");
        pb.environment().put("DOTNET_CLI_TELEMETRY_OPTOUT", "1");
        Process process = pb.start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the SARIF validator did not finish in 5 minutes\n"
                    + Files.readString(consoleLog, StandardCharsets.UTF_8));
        }
        String consoleText = Files.readString(consoleLog, StandardCharsets.UTF_8);
        String commandLine = String.join(" ", command);
        if (process.exitValue() != 0 || !Files.exists(output)) {
            throw new AssertionError("the SARIF validator failed (exit " + process.exitValue() + ")\ncommand: "
                    + commandLine + "\n" + consoleText);
        }
        if (!consoleText.contains("Done. " + files.length + " files scanned.")) {
            throw new AssertionError("the SARIF validator did not scan all " + files.length + " files\n" + consoleText);
        }
        return Report.read(Files.readString(output), commandLine, consoleText);
    }

    /**
     * The validator's findings.
     *
     * @param issues      every result, in the validator's order
     * @param commandLine how it was run
     * @param console     what it printed
     */
    public record Report(List<Issue> issues, String commandLine, String console) {

        static Report read(String sarif, String commandLine, String console) {
            Object log = JsonReader.parse(sarif);
            Map<String, Object> run = JsonReader.object(log, "runs", 0);
            for (Object invocation : JsonReader.array(run, "invocations")) {
                if (!Boolean.TRUE.equals(JsonReader.at(invocation, "executionSuccessful"))) {
                    throw new AssertionError("the SARIF validator reports a failed execution:\n" + console);
                }
            }
            List<Object> rules = JsonReader.array(run, "tool", "driver", "rules");
            List<Issue> issues = new ArrayList<>();
            for (Object result : JsonReader.array(run, "results")) {
                issues.add(Issue.read(result, rules));
            }
            return new Report(List.copyOf(issues), commandLine, console);
        }

        /** The issues at one level: {@code error}, {@code warning} or {@code note}. */
        public List<Issue> at(String level) {
            return issues.stream().filter(i -> i.level().equals(level)).toList();
        }

        /** One line per issue, for an assertion message. */
        public String describe(List<Issue> some) {
            return some.stream().map(Issue::toString).collect(Collectors.joining("\n"));
        }
    }

    /**
     * One validator finding.
     *
     * @param level   {@code error}, {@code warning} or {@code note}
     * @param ruleId  e.g. {@code SARIF1002}
     * @param where   the validated file and line
     * @param message the formatted message
     */
    public record Issue(String level, String ruleId, String where, String message) {

        @SuppressWarnings("unchecked")
        static Issue read(Object result, List<Object> rules) {
            Map<String, Object> r = (Map<String, Object>) result;
            String ruleId = (String) r.get("ruleId");
            Object rule =
                    r.containsKey("ruleIndex") ? rules.get(((BigDecimal) r.get("ruleIndex")).intValueExact()) : null;
            String level = (String) r.get("level");
            if (level == null) { // SARIF §3.27.10: the rule's default level, else warning
                level = rule instanceof Map<?, ?> m
                                && m.get("defaultConfiguration") instanceof Map<?, ?> c
                                && c.get("level") instanceof String l
                        ? l
                        : "warning";
            }
            return new Issue(level, ruleId, where(r), message(r, rule));
        }

        @SuppressWarnings("unchecked")
        private static String message(Map<String, Object> result, Object rule) {
            Map<String, Object> message = (Map<String, Object>) result.get("message");
            if (message.get("text") instanceof String text) {
                return text;
            }
            String template = String.valueOf(message.get("id"));
            if (rule instanceof Map<?, ?> m
                    && m.get("messageStrings") instanceof Map<?, ?> strings
                    && strings.get(template) instanceof Map<?, ?> s
                    && s.get("text") instanceof String t) {
                template = t;
            }
            List<Object> arguments = (List<Object>) message.getOrDefault("arguments", List.of());
            for (int i = 0; i < arguments.size(); i++) {
                template = template.replace("{" + i + "}", String.valueOf(arguments.get(i)));
            }
            return template;
        }

        private static String where(Map<String, Object> result) {
            try {
                Object location = JsonReader.at(result, "locations", 0, "physicalLocation");
                String uri = JsonReader.string(location, "artifactLocation", "uri");
                String file = uri.substring(uri.lastIndexOf('/') + 1);
                return file + ":" + JsonReader.integer(location, "region", "startLine");
            } catch (IllegalArgumentException | ClassCastException e) {
                return "?";
            }
        }

        @Override
        public String toString() {
            return where + ": " + level + " " + ruleId + ": " + message;
        }
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return "win32";
        }
        return os.startsWith("mac") || os.startsWith("darwin") ? "darwin" : "linux";
    }
}
