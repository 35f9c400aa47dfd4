package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.secrets.Fingerprint;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the findings of the rules for one document. It is the one place where a secret turns into a
 * fingerprint: rules hand the secret over here and it goes no further.
 */
public final class FindingSink {
    private final String path;
    private final FileKind kind;
    private final RenderedKeys keys;
    private final List<Finding> findings = new ArrayList<>();

    public FindingSink(String path) {
        this(path, null);
    }

    /** A sink for a file of a known kind: a pom's keys keep the space after the plugin's name. */
    public FindingSink(String path, FileKind kind) {
        this(path, kind, new RenderedKeys());
    }

    /** A sink that shares the key renderings of the other files of its scan. */
    public FindingSink(String path, FileKind kind, RenderedKeys keys) {
        this.path = path;
        this.kind = kind;
        this.keys = keys;
    }

    /**
     * Reports a finding at the rule's own level.
     *
     * @param secret the offending value, fingerprinted here and then dropped; {@link Secret#none()} when there is none
     */
    public void report(RuleInfo rule, int line, String what, String rawKey, Secret secret) {
        report(rule, rule.severity(), line, what, rawKey, secret);
    }

    /** Reports a finding at a given level. */
    public void report(RuleInfo rule, Severity severity, int line, String what, String rawKey, Secret secret) {
        report(rule, severity, line, what, rawKey, secret, "");
    }

    /** Reports a finding at a given level, with a remark for its log line (see {@link Finding#note}). */
    public void report(
            RuleInfo rule, Severity severity, int line, String what, String rawKey, Secret secret, String note) {
        String fingerprint = secret.value() == null ? "" : Fingerprint.of(secret.value());
        String key = keys.of(rawKey, kind);
        findings.add(new Finding(path, line, rule, severity, what, key, fingerprint, note));
    }

    /**
     * Adds findings made on another file of the same content, as this file's: the same lines, rules, levels,
     * keys and fingerprints, at this sink's path.
     */
    void replay(List<Finding> made) {
        for (Finding f : made) {
            findings.add(
                    new Finding(path, f.line(), f.rule(), f.severity(), f.what(), f.key(), f.fingerprint(), f.note()));
        }
    }

    /** Whether an error has already been reported at this line (rules later in the order then stay quiet). */
    public boolean hasErrorAt(int line) {
        for (Finding f : findings) {
            if (f.line() == line && f.severity() == Severity.ERROR) {
                return true;
            }
        }
        return false;
    }

    /** What has been reported so far, in order. */
    public List<Finding> findings() {
        return List.copyOf(findings);
    }
}
