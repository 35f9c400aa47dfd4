package io.github.npmrcguard.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Edits being made to one file: the current text, what was written where, and notes for the log. The keys
 * and values written are what {@link MergeCheck} reads back from the result to prove the merge did what it
 * meant to and nothing else.
 */
final class Edit {
    private TextFile file;
    private final List<Message> notes = new ArrayList<>();
    private final Map<String, String> written = new LinkedHashMap<>();
    private final Set<String> touched = new LinkedHashSet<>();
    /** Lines the generator wrote, for the "add these by hand" message when a merge cannot be proven. */
    private final List<String> wantedLines = new ArrayList<>();

    Edit(TextFile file) {
        this.file = file;
    }

    TextFile file() {
        return file;
    }

    /** Replaces a 1-based line that set {@code key} with one that sets it to {@code value}. */
    void replace(int line, String text, String key, String value) {
        file = file.replace(line, text);
        wrote(key, value, text);
    }

    void insertAfter(int line, List<String> texts) {
        file = file.insertAfter(line, texts);
    }

    void append(List<String> texts) {
        file = file.append(texts);
    }

    /** Records that the edit sets {@code key} (as its client names it) to {@code value} via a line. */
    void wrote(String key, String value, String lineText) {
        written.put(key, value);
        touched.add(key);
        wantedLines.add(lineText);
    }

    /** Records that an existing setting of this key may disappear or change (e.g. a string became a table). */
    void touch(String key) {
        touched.add(key);
    }

    void note(Message message) {
        notes.add(message);
    }

    List<Message> notes() {
        return List.copyOf(notes);
    }

    Map<String, String> written() {
        return Map.copyOf(written);
    }

    Set<String> touched() {
        return Set.copyOf(touched);
    }

    List<String> wantedLines() {
        return List.copyOf(wantedLines);
    }
}
