package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;

/**
 * An npm config file under {@code src/main/resources} or {@code src/main/webapp}: Maven copies those folders
 * into the jar or war, and its default excludes do not cover {@code .npmrc}, so the file ships to every
 * place the artifact goes. Not for {@code pom.xml}: one there is an archetype template or test data.
 */
public final class PackagedConfigRule implements Rule {
    public static final RuleInfo INFO = new RuleInfo(
            "packaged-config",
            Severity.WARNING,
            "npm config file that Maven packages",
            "Maven copies src/main/resources into the jar and src/main/webapp into the war, and its default "
                    + "excludes do not cover npm config files, so this file ships with the artifact. Move it next to "
                    + "the package.json it serves (outside those folders), or exclude it in the resources or war "
                    + "plugin configuration.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ConfigDocument doc, FindingSink sink) {
        // A pom under src/main/resources is an archetype template or test data, not npm config.
        if (doc.kind() == FileKind.POM) {
            return;
        }
        String p = "/" + doc.path();
        if (p.contains("/src/main/resources/") || p.contains("/src/main/webapp/")) {
            sink.report(INFO, 1, "file inside a folder Maven packages into the artifact", "", Secret.none());
        }
    }
}
