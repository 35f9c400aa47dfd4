package io.github.npmrcguard.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small project trees into a test's temporary folder. */
final class TreeBuilder {
    private final Path root;

    TreeBuilder(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    /** Writes a UTF-8 file, creating its folders. */
    Path file(String relative, String content) {
        return bytes(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    Path bytes(String relative, byte[] content) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    Path dir(String relative) {
        Path dir = root.resolve(relative);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A package.json with a name and optional extra JSON members, e.g. {@code "workspaces": ["a"]}. */
    Path packageJson(String folder, String extraMembers) {
        String name = folder.isEmpty() ? "root" : folder.replace('/', '-');
        return file(
                folder.isEmpty() ? "package.json" : folder + "/package.json",
                "{\n  \"name\": \"" + name + "\"" + (extraMembers.isEmpty() ? "" : ",\n  " + extraMembers) + "\n}\n");
    }

    String read(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] readBytes(String relative) {
        try {
            return Files.readAllBytes(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
