package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;

/**
 * An {@code .npmrc} in a folder that no client reads as project config: npm and pnpm read the one in the
 * folder holding {@code package.json} (research note 1.2), so a file in a Maven module folder whose
 * frontend is in {@code src/main/frontend} is dead config, however right it looks. yarn 1 reads every
 * {@code .npmrc} above it, so a folder above a yarn 1 frontend is not reported.
 */
public final class UnreadConfigRule implements Rule {
    public static final RuleInfo INFO = new RuleInfo(
            "unread-config",
            Severity.WARNING,
            ".npmrc where no client reads it",
            "npm and pnpm read a project .npmrc only in the folder that holds package.json; this folder holds "
                    + "none, and the frontend below it reads its own .npmrc instead. Move the settings next to that "
                    + "package.json (mvn npmrc-guard:generate writes it there).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ConfigDocument doc, FindingSink sink) {
        if (doc.kind() != FileKind.NPMRC || doc.folder().frontendBelow().isEmpty()) {
            return;
        }
        int slash = doc.path().lastIndexOf('/');
        String dir = slash < 0 ? "" : doc.path().substring(0, slash + 1);
        sink.report(
                INFO,
                1,
                "not read by npm or pnpm: the frontend in " + dir + doc.folder().frontendBelow() + " reads " + dir
                        + doc.folder().frontendBelow() + "/.npmrc",
                "",
                Secret.none());
    }
}
