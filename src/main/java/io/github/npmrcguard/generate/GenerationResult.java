package io.github.npmrcguard.generate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one generator run found and did, for the mojo to log and act on.
 *
 * @param frontends   the frontends found, in module order
 * @param files       one entry per file considered, project files first
 * @param messages    log lines in the order they arose; {@link Message.Level#ERROR} ones fail the build
 * @param userConfigs per module folder, the user config file to expose as {@code npmrcguard.userconfig.file}
 *                    (only where one was written or was already up to date)
 */
public record GenerationResult(
        List<FrontendReport> frontends, List<FileChange> files, List<Message> messages, Map<Path, Path> userConfigs) {
    public GenerationResult {
        frontends = List.copyOf(frontends);
        files = List.copyOf(files);
        messages = List.copyOf(messages);
        userConfigs = Map.copyOf(userConfigs);
    }

    /** Whether any message is an error, which should fail the build (unless failing is turned off). */
    public boolean hasErrors() {
        return messages.stream().anyMatch(m -> m.level() == Message.Level.ERROR);
    }

    /** The user config for a module's frontend build, if it has one. */
    public Optional<Path> userConfigFor(Path moduleDirectory) {
        return Optional.ofNullable(
                userConfigs.get(moduleDirectory.toAbsolutePath().normalize()));
    }

    /** The messages of one level. */
    public List<Message> messages(Message.Level level) {
        return messages.stream().filter(m -> m.level() == level).toList();
    }
}
