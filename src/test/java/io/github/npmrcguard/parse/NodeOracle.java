package io.github.npmrcguard.parse;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code node-oracle.js} with the real node, and npm's bundled {@code ini} found through
 * {@code npm root -g}. node and npm are required on the build machine and in CI: when they are missing this
 * fails the test with a message saying so, it never skips.
 */
final class NodeOracle {
    private final Path workDir;
    private final Path script;

    NodeOracle(Path workDir) throws IOException {
        this.workDir = workDir;
        this.script = workDir.resolve("node-oracle.js");
        try (InputStream in = NodeOracle.class.getResourceAsStream("node-oracle.js")) {
            if (in == null) {
                fail("test resource node-oracle.js is missing");
            }
            Files.copy(in, script);
        }
    }

    /** The folder of the {@code ini} package that npm itself uses. */
    Path npmBundledIni() throws IOException, InterruptedException {
        String root = run(List.of("npm", "root", "-g"), "npm (to find npm's bundled ini with `npm root -g`)")
                .trim();
        Path ini = Path.of(root, "npm", "node_modules", "ini");
        if (!Files.isRegularFile(ini.resolve("lib").resolve("ini.js"))) {
            fail("npm's bundled ini was not found at " + ini + " (from `npm root -g`); the differential test "
                    + "needs a global npm installation");
        }
        return ini;
    }

    /** Runs the oracle in a mode over some cases (one per line) and returns its answer per case. */
    List<String> answer(List<String> argsAfterScript, List<String> cases) throws IOException, InterruptedException {
        Path casesFile = Files.createTempFile(workDir, "cases", ".txt");
        StringBuilder content = new StringBuilder();
        for (String c : cases) {
            content.append('C').append(c).append('\n');
        }
        Files.writeString(casesFile, content, StandardCharsets.ISO_8859_1);
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(argsAfterScript);
        command.add(casesFile.toString());
        String stdout = run(command, "node");
        List<String> answers = new ArrayList<>();
        for (String line : stdout.split("\n", -1)) {
            if (line.startsWith("C")) {
                answers.add(line.substring(1));
            }
        }
        if (answers.size() != cases.size()) {
            fail("node-oracle.js answered " + answers.size() + " cases of " + cases.size());
        }
        return answers;
    }

    private String run(List<String> command, String what) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
        } catch (IOException e) {
            return fail(what + " is not on the PATH. This test checks the parsers against node itself and npm's "
                    + "bundled ini package, so node and npm must be installed (" + e.getMessage() + ")");
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 120 s");
        }
        if (process.exitValue() != 0) {
            fail(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.ISO_8859_1);
    }

    /** The hex of a text's UTF-16 code units, as the oracle reads and writes text. */
    static String textToHex(String s) {
        StringBuilder out = new StringBuilder(s.length() * 4);
        for (int i = 0; i < s.length(); i++) {
            out.append(String.format("%04x", (int) s.charAt(i)));
        }
        return out.toString();
    }

    /** The hex of some bytes. */
    static String bytesToHex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(String.format("%02x", b & 0xFF));
        }
        return out.toString();
    }
}
