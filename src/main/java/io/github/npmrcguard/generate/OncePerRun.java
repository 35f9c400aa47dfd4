package io.github.npmrcguard.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user configs' messages, each said once per run: the modules of a reactor share their registries, so an
 * unset token variable would otherwise be reported once for every module's user config. A message that only
 * its file's name sets apart from others is said once, at its first file, with how many others it concerns.
 */
final class OncePerRun {
    private final Map<String, Group> groups = new LinkedHashMap<>();

    private static final class Group {
        private final Message.Level level;
        private final String where;
        private final String text;
        private int others;

        Group(Message.Level level, String where, String text) {
            this.level = level;
            this.where = where;
            this.text = text;
        }
    }

    /** A message about the user config shown as {@code where}; its text starts with {@code where + ": "}, or not. */
    void add(String where, Message m) {
        String prefix = where + ": ";
        boolean about = m.text().startsWith(prefix);
        String rest = about ? m.text().substring(prefix.length()) : m.text();
        String key = m.level() + (about ? "\0" : "\1") + rest;
        Group g = groups.get(key);
        if (g == null) {
            groups.put(key, new Group(m.level(), about ? where : null, rest));
        } else if (about && !g.where.equals(where)) {
            g.others++;
        }
    }

    /** The messages, in the order first seen. */
    List<Message> messages() {
        List<Message> out = new ArrayList<>();
        for (Group g : groups.values()) {
            String text = g.where == null
                    ? g.text
                    : g.where
                            + (g.others == 0
                                    ? ""
                                    : " and " + g.others + " other user config" + (g.others == 1 ? "" : "s"))
                            + ": " + g.text;
            out.add(new Message(g.level, text));
        }
        return out;
    }
}
