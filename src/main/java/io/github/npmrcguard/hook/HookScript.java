package io.github.npmrcguard.hook;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.StagedFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The POSIX {@code sh} script that runs {@link StagedCheck}: which {@code java}, which jars. Everything that
 * can be missing is tested before the JVM starts, and every way the check cannot run ends in one line saying
 * the commit was not checked and how to repair the hook, and lets the commit through: the build's
 * {@code check} still guards.
 */
public final class HookScript {
    /** The command that repairs a hook that cannot run. */
    public static final String REPAIR = "mvn npmrc-guard:install-hook";

    /** {@link StagedCheck}'s exit status for a commit it refuses (the script then exits 1). */
    static final int REFUSED = 3;

    /** {@link StagedCheck}'s exit status when it could not check and has said so (the script then exits 0). */
    static final int NOT_CHECKED = 4;

    /** The class archive next to the script ({@link HookArchive}); the installer removes it with an old script. */
    public static final String ARCHIVE = "classes.jsa";

    /** The sh command that lists the staged candidates, as {@link StagedFiles#readPiped} reads them. */
    static final String STAGED_LIST = stagedList();

    /** The sh commands that print {@code $list} and the staged blobs its lines name, for {@link StagedFiles#readPiped}. */
    static final String STAGED_BLOBS = "printf '%s\\n\\n' \"$list\"; printf '%s\\n' \"$list\""
            + " | while read -r _ _ _ id _; do echo \"$id\"; done | git cat-file --batch --buffer 2>/dev/null";

    private HookScript() {}

    private static String stagedList() {
        StringBuilder s =
                new StringBuilder("git diff --cached --raw --no-abbrev --no-ext-diff --no-renames --diff-filter=d --");
        for (String spec : FileKind.GIT_PATHSPECS) {
            s.append(' ').append(quote(spec));
        }
        return s.toString();
    }

    /**
     * @param version   the plugin version, written in the script so a new version's install rewrites it
     * @param java      the {@code java} the build ran on; {@code JAVA_HOME}'s, then the PATH's, when it is gone
     * @param classpath the plugin's jar and its runtime dependencies, in the local Maven repository
     */
    public static String render(String version, Path java, List<Path> classpath, String pathSeparator) {
        List<String> jars = new ArrayList<>();
        for (Path p : classpath) {
            jars.add(p.toString());
        }
        String notChecked = "npmrc-guard: this commit was NOT checked for npm credentials";
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n");
        s.append("# npmrc-guard-maven-plugin ")
                .append(oneLine(version))
                .append(": checks the npm config files staged for a commit.\n");
        s.append("# Written by ")
                .append(REPAIR)
                .append(" (run it again to repair); mvn npmrc-guard:uninstall-hook")
                .append(" removes it.\n");
        // Most commits touch no config file: git, asked with the loose pathspecs the scan uses (a superset), lists
        // nothing and no JVM starts. What it lists goes to the check (below); a git error too, without a list.
        s.append("unset GIT_LITERAL_PATHSPECS GIT_GLOB_PATHSPECS GIT_NOGLOB_PATHSPECS GIT_ICASE_PATHSPECS\n");
        s.append("if list=$(").append(STAGED_LIST).append(" 2>/dev/null); then\n");
        s.append("  [ -n \"$list\" ] || exit 0\n");
        s.append("else\n");
        s.append("  list=''\n");
        s.append("fi\n");
        s.append("java=").append(quote(java.toString())).append('\n');
        s.append("if [ ! -x \"$java\" ]; then\n");
        s.append("  if [ -n \"$JAVA_HOME\" ] && [ -x \"$JAVA_HOME/bin/java\" ]; then java=\"$JAVA_HOME/bin/java\"\n");
        s.append("  else java=$(command -v java 2>/dev/null) || java=''\n");
        s.append("  fi\n");
        s.append("fi\n");
        s.append("if [ -z \"$java\" ]; then\n");
        s.append("  echo ")
                .append(quote(notChecked + ": no java found (not at the build's, JAVA_HOME or the PATH); "
                        + "to repair, run " + REPAIR))
                .append(" >&2\n");
        s.append("  exit 0\n");
        s.append("fi\n");
        s.append("for jar in");
        for (String jar : jars) {
            s.append(' ').append(quote(jar));
        }
        s.append("; do\n");
        s.append("  if [ ! -e \"$jar\" ]; then\n");
        s.append("    echo ")
                .append(quote(notChecked + ": the plugin's jars are gone from the local Maven repository ("))
                .append("\"$jar\"")
                .append(quote("); to repair, run " + REPAIR))
                .append(" >&2\n");
        s.append("    exit 0\n");
        s.append("  fi\n");
        s.append("done\n");
        // The script's folder by expansion: dirname would be two more processes.
        s.append("case $0 in */*) dir=${0%/*} ;; *) dir=. ;; esac\n");
        // The classes the check loads, archived when the hook was installed (HookArchive), are mapped rather than
        // loaded; a JVM that cannot use the archive (another java, jars replaced) ignores it. C1 only, and only for
        // code that runs ten times as often as it usually takes, and the serial collector: a check of a few staged
        // files is over before compiling its start-up code or a parallel collector would pay off, while a large
        // file's loops still get compiled. No perf data file in the temporary folder: nobody attaches to it.
        s.append("archive=\"$dir/").append(ARCHIVE).append("\"\n");
        s.append("if [ -f \"$archive\" ]; then cds=\"-XX:SharedArchiveFile=$archive\"; else cds=-Xshare:auto; fi\n");
        s.append("check() {\n");
        s.append("  \"$java\" -XX:+IgnoreUnrecognizedVMOptions -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=10"
                        + " -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:disable \"$cds\" -cp ")
                .append(quote(String.join(pathSeparator, jars)))
                .append(" io.github.npmrcguard.hook.StagedCheck \"$dir/config.properties\" \"$@\" 2>/dev/null\n");
        s.append("}\n");
        // The list and the staged blobs its lines name, read by one cat-file, are piped into the check while the JVM
        // starts, so that it starts no git itself; when they do not arrive whole, it runs git and says what failed.
        s.append("if [ -n \"$list\" ]; then\n");
        s.append("  { ")
                .append(STAGED_BLOBS)
                .append("; } | check ")
                .append(StagedCheck.STAGED_ON_STDIN)
                .append('\n');
        s.append("else\n");
        s.append("  check\n");
        s.append("fi\n");
        s.append("status=$?\n");
        s.append("case $status in\n");
        s.append("  0) exit 0 ;;\n");
        s.append("  ").append(REFUSED).append(") exit 1 ;;\n");
        s.append("  ").append(NOT_CHECKED).append(") exit 0 ;;\n");
        s.append("esac\n");
        s.append("echo ")
                .append(quote(notChecked + ": java failed (exit status "))
                .append("\"$status\"")
                .append(quote("); to repair, run " + REPAIR))
                .append(" >&2\n");
        s.append("exit 0\n");
        return s.toString();
    }

    /** {@code text} as one single-quoted sh word. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String oneLine(String text) {
        return text == null ? "unknown" : text.replaceAll("[\\r\\n]", " ");
    }
}
