package io.github.npmrcguard.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Warns about a {@code .npmrc} that sits where no client reads it (research note 1.2): npm and pnpm read
 * only the one in the local prefix, so one in a module folder whose frontend is in {@code src/main/frontend},
 * or in a workspace member, is dead config. yarn 1 reads every {@code .npmrc} above the folder it runs in,
 * so a file above a yarn 1 frontend is not reported.
 */
final class MisplacedConfigCheck {
    /** A frontend folder, its local prefix, and whether yarn 1 runs there. */
    record Placed(Path folder, Path localPrefix, boolean yarnClassic) {}

    private MisplacedConfigCheck() {}

    static void check(
            Collection<ModuleInput> modules, List<Placed> frontends, PathDisplay display, List<Message> messages) {
        Set<Path> prefixes = new LinkedHashSet<>();
        frontends.forEach(f -> prefixes.add(f.localPrefix()));
        Set<Path> candidates = new LinkedHashSet<>();
        for (ModuleInput m : modules) {
            for (String folder : FrontendLocator.CONVENTIONAL_FOLDERS) {
                candidates.add(m.moduleDirectory().resolve(folder).normalize());
            }
            for (Path wd : m.workingDirectories()) {
                if (!wd.startsWith(m.buildDirectory())) { // build output: not the user's config
                    candidates.add(wd);
                }
            }
        }
        frontends.forEach(f -> candidates.add(f.folder()));
        for (Path dir : candidates) {
            Path npmrc = dir.resolve(NpmrcFormat.FILE_NAME);
            if (prefixes.contains(dir) || !Files.isRegularFile(npmrc) || FrontendLocator.underNodeModules(dir)) {
                continue;
            }
            if (frontends.stream().anyMatch(f -> f.yarnClassic() && f.folder().startsWith(dir))) {
                continue;
            }
            Placed member = frontends.stream()
                    .filter(f -> f.folder().equals(dir))
                    .findFirst()
                    .orElse(null);
            if (member != null) {
                messages.add(Message.warning(display.of(npmrc) + " is not read: npm ignores the .npmrc of a workspace"
                        + " member and reads " + display.of(member.localPrefix().resolve(NpmrcFormat.FILE_NAME))
                        + "; move its settings there"));
                continue;
            }
            Path reader = frontends.stream()
                    .filter(f -> f.folder().startsWith(dir))
                    .map(Placed::localPrefix)
                    .findFirst()
                    .orElse(null);
            messages.add(Message.warning(display.of(npmrc) + " is not read: npm and pnpm read .npmrc only in the"
                    + " folder that holds package.json"
                    + (reader == null
                            ? ""
                            : "; the frontend below it reads " + display.of(reader.resolve(NpmrcFormat.FILE_NAME))
                                    + ", so move its settings there")));
        }
    }
}
