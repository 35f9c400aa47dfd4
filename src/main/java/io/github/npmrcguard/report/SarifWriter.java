package io.github.npmrcguard.report;

import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.RuleInfo;
import io.github.npmrcguard.write.AtomicWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.regex.Pattern;

/**
 * Writes the findings of one scan as a SARIF 2.1.0 log that GitHub code scanning accepts as it is.
 *
 * <p>The log has one run. {@code tool.driver.rules} lists every rule given (plus any rule a finding names
 * that was not given), each with its title, help text and default level. Each finding becomes one result
 * with its own level (which may differ from the rule's default, e.g. an error downgraded because git
 * ignores the file), a message built from the finding, a location relative to the scan root (uriBaseId
 * {@value #SRCROOT}) and a partial fingerprint.
 *
 * <p><b>Fingerprints.</b> {@value #FINGERPRINT_KEY} is the first 128 bits (32 hex digits) of the SHA-256
 * of the rule id, the path and the finding's secret fingerprint, so an alert keeps its identity when lines
 * are inserted above it and when its level changes; a different secret in the same place is a new alert.
 * A finding without a secret fingerprint uses its line instead: it has nothing else stable to tell it
 * apart from its neighbours. A suffix {@code :1}, {@code :2}, ... numbers results that share a hash (the
 * same secret twice in one file) in line order, the way GitHub numbers {@code primaryLocationLineHash}.
 *
 * <p><b>Secrets.</b> A {@link Finding} holds no part of a secret, and this writer adds nothing: it writes
 * only the finding's path, line, texts and fingerprint, and refuses a fingerprint that is not 8 hex digits.
 *
 * <p>The JSON is written by hand (see {@link JsonOut}); instances are immutable and thread-safe.
 */
public final class SarifWriter {

    /** The {@code $schema} of the log. */
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The SARIF version written. */
    public static final String SARIF_VERSION = "2.1.0";
    /** {@code tool.driver.name}. */
    public static final String TOOL_NAME = "npmrc-guard";
    /** {@code tool.driver.informationUri} unless another is given. */
    public static final String DEFAULT_INFORMATION_URI = "https://github.com/npmrcguard/npmrc-guard-maven-plugin";
    /** The {@code uriBaseId} of every location: the scan root. */
    public static final String SRCROOT = "%SRCROOT%";
    /** The key of the result's {@code partialFingerprints} entry. */
    public static final String FINGERPRINT_KEY = "npmrcGuardFinding/v1";

    private static final Pattern SECRET_FINGERPRINT = Pattern.compile("[0-9a-fA-F]{8}");

    private final String toolVersion;
    private final String informationUri;

    /**
     * A writer that names this plugin version and {@link #DEFAULT_INFORMATION_URI}.
     *
     * @param toolVersion the plugin version, e.g. {@code 0.1.0}
     */
    public SarifWriter(String toolVersion) {
        this(toolVersion, DEFAULT_INFORMATION_URI);
    }

    /**
     * A writer that names this plugin version and where to learn about the tool.
     *
     * @param toolVersion    the plugin version, e.g. {@code 0.1.0}
     * @param informationUri an absolute URI, e.g. the project's home page
     * @throws IllegalArgumentException if the version is blank or the URI is not absolute
     */
    public SarifWriter(String toolVersion, String informationUri) {
        if (Objects.requireNonNull(toolVersion, "toolVersion").isBlank()) {
            throw new IllegalArgumentException("toolVersion is blank");
        }
        try {
            if (!new URI(Objects.requireNonNull(informationUri, "informationUri")).isAbsolute()) {
                throw new IllegalArgumentException("informationUri is not absolute: " + informationUri);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("informationUri is not a URI: " + informationUri, e);
        }
        this.toolVersion = toolVersion;
        this.informationUri = informationUri;
    }

    /**
     * Starts {@link #write(List, Collection, Path) writing} the report on a thread of its own, for a caller
     * with other work meanwhile (logging the findings): the inputs must not change until {@link Pending#await}.
     */
    public Pending startWriting(List<Finding> findings, Collection<RuleInfo> rules, Path out) {
        FutureTask<Void> task = new FutureTask<>(new Callable<Void>() {
            @Override
            public Void call() throws IOException {
                write(findings, rules, out);
                return null;
            }
        });
        Thread thread = new Thread(task, "npmrc-guard SARIF report");
        thread.setDaemon(true);
        thread.start();
        return new Pending(task);
    }

    /** A report being written; see {@link #startWriting}. */
    public static final class Pending {
        private final FutureTask<Void> task;

        private Pending(FutureTask<Void> task) {
            this.task = task;
        }

        /** Waits until the report is written; throws what {@link #write(List, Collection, Path)} threw. */
        public void await() throws IOException {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the report was written");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    /**
     * Writes the log to a file atomically: to a temporary file in the same folder, then moved over
     * {@code out}, so a reader (or an upload step) never sees half a report. Missing parent folders are
     * created.
     *
     * @param findings the results, in the order they are to appear
     * @param rules    the rules that ran, in the order they are to appear
     * @param out      the report file; replaced if it exists
     * @throws IOException              if the file cannot be written; {@code out} is then unchanged
     * @throws IllegalArgumentException if a finding's path is not relative or its fingerprint is not 8 hex
     *                                  digits, or two different rules share an id
     */
    public void write(List<Finding> findings, Collection<RuleInfo> rules, Path out) throws IOException {
        // Render first: a bad finding must not leave a half-written or empty report behind.
        byte[] bytes = toJson(findings, rules).getBytes(StandardCharsets.UTF_8);
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        new AtomicWriter().write(target, bytes, false);
    }

    /**
     * Writes the log to a character stream, which is neither flushed nor closed.
     *
     * @param findings the results, in the order they are to appear
     * @param rules    the rules that ran, in the order they are to appear
     * @param out      where to write; the text is pure ASCII
     * @throws IOException              if {@code out} fails
     * @throws IllegalArgumentException as for {@link #write(List, Collection, Path)}
     */
    public void write(List<Finding> findings, Collection<RuleInfo> rules, Writer out) throws IOException {
        render(findings, rules, out);
    }

    /**
     * The log as a string.
     *
     * @param findings the results, in the order they are to appear
     * @param rules    the rules that ran, in the order they are to appear
     * @return the JSON text, ending with a line break
     * @throws IllegalArgumentException as for {@link #write(List, Collection, Path)}
     */
    public String toJson(List<Finding> findings, Collection<RuleInfo> rules) {
        StringBuilder s = new StringBuilder(8192); // not a StringWriter: its buffer locks on every append
        try {
            render(findings, rules, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return s.toString();
    }

    private void render(List<Finding> findings, Collection<RuleInfo> givenRules, Appendable out) throws IOException {
        List<RuleInfo> rules = ruleTable(findings, givenRules);
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }
        for (Finding f : findings) {
            checkFingerprint(f);
        }
        List<String> fingerprints = PartialFingerprints.of(findings);

        JsonOut json = new JsonOut(out);
        json.beginObject()
                .member("$schema", SCHEMA_URI)
                .member("version", SARIF_VERSION)
                .name("runs")
                .beginArray()
                .beginObject();

        json.name("tool")
                .beginObject()
                .name("driver")
                .beginObject()
                .member("name", TOOL_NAME)
                .member("fullName", TOOL_NAME + " Maven plugin " + toolVersion)
                .member("version", toolVersion)
                .member("informationUri", informationUri)
                .name("rules")
                .beginArray();
        for (RuleInfo rule : rules) {
            writeRule(json, rule);
        }
        json.endArray().endObject().endObject();

        json.name("originalUriBaseIds")
                .beginObject()
                .name(SRCROOT)
                .beginObject()
                .name("description")
                .beginObject()
                .member(
                        "text",
                        "The folder npmrc-guard scanned: the root of the repository, unless"
                                + " npmrcguard.root names another.")
                .endObject()
                .endObject()
                .endObject();

        json.name("results").beginArray();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            writeResult(json, f, ruleIndex.get(f.rule().id()), fingerprints.get(i));
        }
        json.endArray();

        json.endObject().endArray().endObject().finish();
    }

    /** The given rules, one per id, then any rule a finding names that was not given. */
    private static List<RuleInfo> ruleTable(List<Finding> findings, Collection<RuleInfo> givenRules) {
        Map<String, RuleInfo> byId = new LinkedHashMap<>();
        for (RuleInfo rule : givenRules) {
            addRule(byId, rule);
        }
        for (Finding f : findings) {
            addRule(byId, f.rule());
        }
        return new ArrayList<>(byId.values());
    }

    private static void addRule(Map<String, RuleInfo> byId, RuleInfo rule) {
        RuleInfo known = byId.putIfAbsent(rule.id(), rule);
        if (known != null && !known.equals(rule)) {
            throw new IllegalArgumentException("two different rules share the id " + rule.id());
        }
    }

    private static void writeRule(JsonOut json, RuleInfo rule) throws IOException {
        json.beginObject()
                .member("id", rule.id())
                .member("name", pascalCase(rule.id()))
                .name("shortDescription")
                .beginObject()
                .member("text", sentence(rule.title()))
                .endObject()
                .name("fullDescription")
                .beginObject()
                .member("text", sentence(rule.help()))
                .endObject()
                .name("help")
                .beginObject()
                .member("text", sentence(rule.help()))
                .endObject()
                .name("defaultConfiguration")
                .beginObject()
                .member("level", rule.severity().sarifLevel())
                .endObject()
                .endObject();
    }

    private static void writeResult(JsonOut json, Finding f, int ruleIndex, String fingerprint) throws IOException {
        json.beginObject()
                .member("ruleId", f.rule().id())
                .member("ruleIndex", ruleIndex)
                .member("level", f.severity().sarifLevel())
                .name("message")
                .beginObject()
                .member("text", message(f))
                .endObject()
                .name("locations")
                .beginArray()
                .beginObject()
                .name("physicalLocation")
                .beginObject()
                .name("artifactLocation")
                .beginObject()
                .member("uri", SarifUris.relativeUri(f.path()))
                .member("uriBaseId", SRCROOT)
                .endObject();
        if (f.line() >= 1) { // SARIF lines are 1-based; a finding about a whole file has no region
            json.name("region").beginObject().member("startLine", f.line()).endObject();
        }
        json.endObject()
                .endObject()
                .endArray()
                .name("partialFingerprints")
                .beginObject()
                .member(FINGERPRINT_KEY, fingerprint)
                .endObject()
                .endObject();
    }

    /**
     * The result message: the log line of PRODUCT.md without the location and the rule id (SARIF has its
     * own fields for those), as a sentence, e.g. {@code literal npm access token in
     * //registry.npmjs.org/:_authToken (fingerprint 0a1b2c3d; ignored by git).}
     */
    static String message(Finding f) {
        StringBuilder s = new StringBuilder(f.what());
        if (!f.key().isEmpty()) {
            s.append(" in ").append(f.key());
        }
        List<String> remarks = new ArrayList<>(2);
        if (!f.fingerprint().isEmpty()) {
            remarks.add("fingerprint " + f.fingerprint());
        }
        if (!f.note().isEmpty()) {
            remarks.add(f.note());
        }
        if (!remarks.isEmpty()) {
            s.append(" (").append(String.join("; ", remarks)).append(')');
        }
        return sentence(s.toString());
    }

    /** Ends a text with a period, as the SARIF validator asks of every plain-text message (SARIF2001). */
    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") ? t : t + ".";
    }

    /** {@code literal-credential} becomes {@code LiteralCredential}: the "friendly name" SARIF recommends. */
    static String pascalCase(String id) {
        StringBuilder s = new StringBuilder();
        boolean upper = true;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                s.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return s.toString();
    }

    private static void checkFingerprint(Finding f) {
        if (!f.fingerprint().isEmpty()
                && !SECRET_FINGERPRINT.matcher(f.fingerprint()).matches()) {
            // Never echo the value: if it is not a fingerprint, it may be the secret itself.
            throw new IllegalArgumentException("the finding at " + f.path() + ":" + f.line() + " ["
                    + f.rule().id() + "] has a fingerprint that is not 8 hex digits; refusing to write it");
        }
    }
}
