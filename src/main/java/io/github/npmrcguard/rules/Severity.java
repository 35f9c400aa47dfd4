package io.github.npmrcguard.rules;

/** How a finding counts: errors fail the build (unless {@code npmrcguard.fail=false}), warnings never do. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String sarifLevel;

    Severity(String sarifLevel) {
        this.sarifLevel = sarifLevel;
    }

    /** The SARIF 2.1.0 {@code level} value. */
    public String sarifLevel() {
        return sarifLevel;
    }
}
