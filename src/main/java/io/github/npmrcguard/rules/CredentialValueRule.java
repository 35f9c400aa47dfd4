package io.github.npmrcguard.rules;

import io.github.npmrcguard.parse.Setting;

/**
 * A rule about the values of credential keys: it sees each credential setting of a file with the kind of
 * value the file's client will make of it, and reports what it is about.
 */
abstract class CredentialValueRule implements Rule {

    @Override
    public final void check(ConfigDocument doc, FindingSink sink) {
        for (Setting s : doc.settings()) {
            if (CredentialKeys.isCredential(doc.kind(), s)) {
                check(doc, s, ValueClassifier.classify(s.value(), doc.dialect()), sink);
            }
        }
    }

    /** Looks at one credential setting whose value is of {@code kind}. */
    abstract void check(ConfigDocument doc, Setting setting, ValueKind kind, FindingSink sink);
}
