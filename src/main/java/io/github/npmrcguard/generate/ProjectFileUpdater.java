package io.github.npmrcguard.generate;

import io.github.npmrcguard.parse.ParseException;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.write.AtomicWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Brings one committed project file ({@code .npmrc}, {@code .yarnrc.yml}, {@code bunfig.toml}) up to date:
 * refuses a file with a literal credential, merges with minimal line edits, proves the merge by parsing
 * the result, and then writes it, or under a dry run or CI only reports it.
 */
final class ProjectFileUpdater {
    private final GeneratorOptions options;
    private final PathDisplay display;
    private final AtomicWriter writer = new AtomicWriter();

    ProjectFileUpdater(GeneratorOptions options, PathDisplay display) {
        this.options = options;
        this.display = display;
    }

    /** Updates the file; what is noted about it goes both into {@code messages} and onto the outcome. */
    FileChange update(
            Path localPrefix,
            ConfigFormat format,
            List<RegistrySpec> registries,
            MergePolicy policy,
            List<Message> messages) {
        List<Message> own = new ArrayList<>();
        FileChange change = updateFile(localPrefix, format, registries, policy, own);
        messages.addAll(own);
        return change.withMessages(own);
    }

    private FileChange updateFile(
            Path localPrefix,
            ConfigFormat format,
            List<RegistrySpec> registries,
            MergePolicy policy,
            List<Message> messages) {
        Path path = localPrefix.resolve(format.fileName());
        String shown = display.of(path);
        if (Files.isSymbolicLink(path)) {
            return refused(
                    path,
                    shown,
                    "it is a symbolic link, and the generator does not write through links",
                    format,
                    registries,
                    policy,
                    messages);
        }
        boolean exists = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        TextFile before = TextFile.empty();
        List<Setting> beforeSettings = List.of();
        Set<String> hidden = new HashSet<>();
        byte[] old = null;
        try {
            if (exists) {
                old = Files.readAllBytes(path);
                LiteralGuard.Verdict verdict = LiteralGuard.check(shown, path, format.kind(), old);
                if (verdict.refused()) {
                    messages.add(Message.warning(shown + ": not changed: it holds a literal credential ("
                            + verdict.where() + "). Revoke that token first, then run mvn npmrc-guard:fix and"
                            + " generate again"));
                    return FileChange.of(path, shown, FileChange.Role.PROJECT, FileAction.REFUSED_LITERAL, "");
                }
                before = TextFile.decode(old);
                for (int line : verdict.credentialLines()) {
                    if (line <= before.lineCount()) {
                        hidden.add(before.line(line));
                    }
                }
                beforeSettings = format.parse(before);
            }
        } catch (IOException e) {
            return refused(
                    path,
                    shown,
                    "it could not be read (" + e.getClass().getSimpleName() + ")",
                    format,
                    registries,
                    policy,
                    messages);
        } catch (UneditableException e) {
            return refused(path, shown, e.getMessage(), format, registries, policy, messages);
        } catch (ParseException e) {
            return refused(path, shown, notParsable(format, e), format, registries, policy, messages);
        }
        Edit edit;
        try {
            edit = format.merge(before, registries, policy);
            String problem =
                    MergeCheck.problem(beforeSettings, format.parse(edit.file()), edit.written(), edit.touched());
            if (problem != null) {
                return refused(path, shown, problem, format, registries, policy, messages);
            }
        } catch (UneditableException e) {
            return refused(path, shown, e.getMessage(), format, registries, policy, messages);
        } catch (ParseException e) {
            return refused(path, shown, "the merged file would not parse", format, registries, policy, messages);
        }
        messages.addAll(edit.notes());
        byte[] bytes = edit.file().encode();
        if (exists ? Arrays.equals(old, bytes) : edit.file().text().isEmpty()) {
            // Nothing to write is no reason to create a file (a registry bun has no token entry for).
            return FileChange.of(path, shown, FileChange.Role.PROJECT, FileAction.UNCHANGED, "");
        }
        String diff =
                UnifiedDiff.of(shown, !exists, before.lineTexts(), edit.file().lineTexts(), hidden);
        if (options.dryRun()) {
            return FileChange.of(path, shown, FileChange.Role.PROJECT, FileAction.DRY_RUN, diff);
        }
        if (options.ci()) {
            messages.add(Message.error(shown + " is not up to date" + (exists ? "" : " (it does not exist)")
                    + ". CI is set, so generate does not write project files: run mvn npmrc-guard:generate"
                    + " locally and commit the change"));
            return FileChange.of(path, shown, FileChange.Role.PROJECT, FileAction.NOT_WRITTEN_CI, diff);
        }
        try {
            writer.write(path, bytes, false);
        } catch (IOException e) {
            messages.add(Message.error(
                    shown + " could not be written (" + e.getClass().getSimpleName() + ")"));
            return FileChange.of(path, shown, FileChange.Role.PROJECT, FileAction.REFUSED, diff);
        }
        return FileChange.of(
                path, shown, FileChange.Role.PROJECT, exists ? FileAction.UPDATED : FileAction.CREATED, diff);
    }

    private static String notParsable(ConfigFormat format, ParseException e) {
        return "it is not valid " + format.fileName() + " syntax" + (e.line() > 0 ? " (line " + e.line() + ")" : "");
    }

    /** Leaves the file alone and says what to add by hand: the lines a new file would get (placeholders only). */
    private static FileChange refused(
            Path path,
            String shown,
            String reason,
            ConfigFormat format,
            List<RegistrySpec> registries,
            MergePolicy policy,
            List<Message> messages) {
        String wanted;
        try {
            wanted = format.merge(TextFile.empty(), registries, policy)
                    .file()
                    .text()
                    .strip();
        } catch (UneditableException | ParseException e) {
            wanted = "";
        }
        messages.add(Message.warning(shown + ": not changed: " + reason + "."
                + (wanted.isEmpty()
                        ? ""
                        : " Add by hand what it needs:\n" + wanted.indent(4).stripTrailing())));
        return FileChange.of(path, shown, FileChange.Role.PROJECT, FileAction.REFUSED, "");
    }
}
