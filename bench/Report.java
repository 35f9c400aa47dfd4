import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints the benchmark table from the raw figures bench/run.sh writes (case, scale, rep, seconds,
 * maxrss_kb). Round 0 is the warm-up and is not counted. "added" is, per round, check minus help in the
 * same folder (same JVM start and plugin loading), so its median and spread come from paired runs.
 */
public final class Report {
    /** One run; mojo is the time from the plugin's first log line to BUILD SUCCESS, NaN when not a Maven run. */
    record Row(String c, String scale, int rep, double s, long rss, double mojo) {
    }

    static List<Row> rows = new ArrayList<>();

    public static void main(String[] a) throws Exception {
        Path tsv = Path.of(a[0]);
        String machine = a[1], versions = a[2], commits = a[3], blobs = a[4], loaded = a[5];
        for (String line : Files.readAllLines(tsv).subList(1, Files.readAllLines(tsv).size())) {
            String[] f = line.split("\t");
            int rep = Integer.parseInt(f[2]);
            if (rep == 0) {
                continue;
            }
            rows.add(new Row(f[0], f[1], rep, Double.parseDouble(f[3]), f[4].isEmpty() ? 0 : Long.parseLong(f[4]),
                    f.length > 5 && !f[5].isEmpty() ? Double.parseDouble(f[5]) : Double.NaN));
        }
        Set<String> scales = new LinkedHashSet<>();
        rows.stream().filter(r -> !r.scale.startsWith("h")).forEach(r -> scales.add(r.scale));
        Map<String, String> blobOf = new LinkedHashMap<>();
        for (String b : blobs.split(" ")) {
            if (b.contains("=")) {
                blobOf.put(b.substring(0, b.indexOf('=')), b.substring(b.indexOf('=') + 1));
            }
        }
        int reps = (int) rows.stream().mapToInt(Row::rep).distinct().count();

        StringBuilder t = new StringBuilder();
        String head = String.format("%-6s %-6s %9s %9s %-22s %-22s %-22s %-11s %-22s %-11s %9s %9s",
                "scale", "git?", "help s", "check s", "added s (min-max)", "in plugin s (min-max)", "floor s (min-max)",
                "ours/flr", "secretlint s (min-max)", "ours/sl", "RSS help", "RSS check");
        t.append(head).append('\n').append("-".repeat(head.length())).append('\n');
        List<String> verdicts = new ArrayList<>();
        double worstSl = Double.MAX_VALUE;
        double worstSlRun = Double.MAX_VALUE;
        String worstSlAt = null;
        Map<String, Double> addedRss = new LinkedHashMap<>();
        for (String s : scales) {
            List<Double> sl = secs("secretlint", s);
            for (String mode : List.of("git", "plain")) {
                List<Double> help = secs("help-" + mode, s), check = secs("check-" + mode, s), floor = secs("floor-" + mode, s);
                if (check.isEmpty()) {
                    continue;
                }
                List<Double> added = paired("check-" + mode, "help-" + mode, s);
                List<Double> inPlugin = pairedMojo("check-" + mode, "help-" + mode, s);
                double am = med(added), fm = med(floor);
                // The verdicts use the in-plugin estimate where there is one: the same difference without the
                // variance of the JVM start and Maven's set-up, which both runs pay alike.
                double pm = inPlugin.isEmpty() ? am : med(inPlugin);
                double rh = med(rss("help-" + mode, s)) / 1024, rc = med(rss("check-" + mode, s)) / 1024;
                addedRss.put(s + " " + mode, rc - rh);
                String slCol = sl.isEmpty() ? "-" : String.format("%.3f (%.3f-%.3f)", med(sl), min(sl), max(sl));
                String slRatio = sl.isEmpty() ? "-" : String.format("%.2f %.2f", am / med(sl), pm / med(sl));
                if (!sl.isEmpty() && med(sl) / pm < worstSl) {
                    worstSl = med(sl) / pm;
                    worstSlRun = med(sl) / am;
                    worstSlAt = s + " " + mode;
                }
                t.append(String.format("%-6s %-6s %9.3f %9.3f %-22s %-22s %-22s %-11s %-22s %-11s %7.0fMB %7.0fMB%n", s,
                        mode.equals("git") ? "git" : "no git", med(help), med(check),
                        String.format("%.3f (%.3f-%.3f)", am, min(added), max(added)),
                        inPlugin.isEmpty() ? "-" : String.format("%.3f (%.3f-%.3f)", pm, min(inPlugin), max(inPlugin)),
                        String.format("%.3f (%.3f-%.3f)", fm, min(floor), max(floor)),
                        String.format("%.2f %.2f", am / fm, pm / fm), slCol, slRatio, rh, rc));
                if (s.equals("200k") && mode.equals("git")) {
                    verdicts.add(verdict("200k with git: added <= 2x floor", pm / fm <= 2, am / fm, pm / fm));
                }
                if (s.equals("1m") && mode.equals("plain")) {
                    verdicts.add(verdict("1m without git: added <= 2x pruned walk", pm / fm <= 2, am / fm, pm / fm));
                }
            }
        }
        if (worstSlAt != null) {
            verdicts.add(String.format("%s secretlint / added >= 4 at every scale: worst %.2fx in the plugin, %.2fx over"
                    + " whole runs (%s)", worstSl >= 4 ? "HOLDS " : "FAILS ", worstSl, worstSlRun, worstSlAt));
        }
        if (!addedRss.isEmpty()) {
            StringBuilder m = new StringBuilder("memory (RSS check - RSS help, MB):");
            addedRss.forEach((k, v) -> m.append(String.format(" %s %+.0f;", k, v)));
            verdicts.add("INFO   " + m);
        }
        Set<String> hs = new LinkedHashSet<>();
        rows.stream().filter(r -> r.c.equals("history")).forEach(r -> hs.add(r.scale));
        if (!hs.isEmpty()) {
            t.append('\n');
            String hh = String.format("%-26s %9s %9s %-22s %-22s %8s %10s %9s", "history (" + commits + " commits)",
                    "help s", "history s", "added s (min-max)", "in plugin s (min-max)", "blobs", "ms/blob", "RSS hist");
            t.append(hh).append('\n').append("-".repeat(hh.length())).append('\n');
            List<String> perBlob = new ArrayList<>();
            for (String h : hs) {
                List<Double> added = paired("history", "help-history", h);
                List<Double> inPlugin = pairedMojo("history", "help-history", h);
                double am = med(added);
                double pm = inPlugin.isEmpty() ? am : med(inPlugin);
                long b = Long.parseLong(blobOf.getOrDefault(h, "0"));
                t.append(String.format("%-26s %9.3f %9.3f %-22s %-22s %8d %10.3f %7.0fMB%n",
                        "pool of " + h.substring(1) + " contents", med(secs("help-history", h)), med(secs("history", h)),
                        String.format("%.3f (%.3f-%.3f)", am, min(added), max(added)),
                        inPlugin.isEmpty() ? "-" : String.format("%.3f (%.3f-%.3f)", pm, min(inPlugin), max(inPlugin)),
                        b, b == 0 ? 0 : pm * 1000 / b, med(rss("history", h)) / 1024));
                perBlob.add(String.format("%d blobs %.0f ms", b, pm * 1000));
            }
            verdicts.add("INFO   history added time: " + String.join(", ", perBlob));
        }
        System.out.print(t);
        System.out.println();
        System.out.println("median of " + reps + " interleaved rounds after one warm-up; added = check - help over whole"
                + " runs, paired per round; in plugin = the same difference measured from the plugin's first log line to"
                + " BUILD SUCCESS (no JVM start, whose variance both runs share); ours/flr and ours/sl: whole runs, then"
                + " in plugin (ours/sl below 0.25 means ahead by >= 4x); verdicts on the in-plugin figure");
        System.out.println("machine: " + machine);
        System.out.println("versions: " + versions);
        System.out.println("parser classes loaded scanning only .npmrc files: " + loaded);
        verdicts.forEach(System.out::println);
    }

    static String verdict(String what, boolean holds, double wholeRuns, double inPlugin) {
        return String.format("%s %s: %.2fx in the plugin, %.2fx over whole runs", holds ? "HOLDS " : "FAILS ", what,
                inPlugin, wholeRuns);
    }

    /** Per round, the in-plugin time of c minus that of base; rounds without both are left out. */
    static List<Double> pairedMojo(String c, String base, String s) {
        List<Double> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.c.equals(c) && r.scale.equals(s) && !Double.isNaN(r.mojo)) {
                rows.stream().filter(b -> b.c.equals(base) && b.scale.equals(s) && b.rep == r.rep && !Double.isNaN(b.mojo))
                        .findFirst().ifPresent(b -> out.add(r.mojo - b.mojo));
            }
        }
        return out;
    }

    static List<Double> secs(String c, String s) {
        return rows.stream().filter(r -> r.c.equals(c) && r.scale.equals(s)).map(Row::s).toList();
    }

    static List<Double> rss(String c, String s) {
        return rows.stream().filter(r -> r.c.equals(c) && r.scale.equals(s)).map(r -> (double) r.rss).toList();
    }

    static List<Double> paired(String c, String base, String s) {
        List<Double> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.c.equals(c) && r.scale.equals(s)) {
                rows.stream().filter(b -> b.c.equals(base) && b.scale.equals(s) && b.rep == r.rep).findFirst()
                        .ifPresent(b -> out.add(r.s - b.s));
            }
        }
        return out;
    }

    static double med(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> x = new ArrayList<>(v);
        Collections.sort(x);
        int n = x.size();
        return n % 2 == 1 ? x.get(n / 2) : (x.get(n / 2 - 1) + x.get(n / 2)) / 2;
    }

    static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
