package io.github.npmrcguard.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome for one file. The diff and changed lines are safe to print: the generator writes only
 * registry URLs and placeholders, and lines of an existing file that hold any other credential value are
 * replaced by a note. A refused file has no diff at all.
 *
 * @param path        the file
 * @param displayPath the file relative to the project root, for the log
 * @param role        whether it is committed project config or the generated user config under the build folder
 * @param action      what was done
 * @param diff        a unified diff of the change (also for a dry run or under CI), or empty
 * @param messages    what was noted about this file (also part of {@link GenerationResult#messages()})
 */
public record FileChange(
        Path path, String displayPath, Role role, FileAction action, String diff, List<Message> messages) {
    /** Which kind of file. */
    public enum Role {
        /** A {@code .npmrc}, {@code .yarnrc.yml} or {@code bunfig.toml} in a frontend's local prefix. */
        PROJECT,
        /** The user config under the module's build folder, for {@code NPM_CONFIG_USERCONFIG}. */
        USER_CONFIG
    }

    public FileChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(displayPath, "displayPath");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(action, "action");
        diff = diff == null ? "" : diff;
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** An outcome with no messages yet. */
    static FileChange of(Path path, String displayPath, Role role, FileAction action, String diff) {
        return new FileChange(path, displayPath, role, action, diff, List.of());
    }

    /** The same outcome carrying the messages noted about it. */
    FileChange withMessages(List<Message> noted) {
        return new FileChange(path, displayPath, role, action, diff, noted);
    }

    /** The added and removed lines of the diff, each starting with {@code +} or {@code -}. */
    public List<String> changedLines() {
        List<String> out = new ArrayList<>();
        for (String line : diff.split("\n", -1)) {
            if ((line.startsWith("+") && !line.startsWith("+++ "))
                    || (line.startsWith("-") && !line.startsWith("--- "))) {
                out.add(line);
            }
        }
        return out;
    }

    /** One log line, e.g. {@code frontend/.npmrc: created (+2 -0)}. */
    public String summary() {
        List<String> changed = changedLines();
        long added = changed.stream().filter(l -> l.startsWith("+")).count();
        String counts = changed.isEmpty() ? "" : " (+" + added + " -" + (changed.size() - added) + ")";
        return displayPath + ": " + action.label() + counts;
    }
}
