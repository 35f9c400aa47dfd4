#!/usr/bin/env bash
# The history benchmark (issue 15, point 9); see bench/README.md, "history.sh". Run on demand, never in CI.
#   bench/history.sh [--commits 12000] [--modules 60] [--poms 9] [--repeat 3] [--heap 256m] [--repo <clone>]
# Builds the plugin into target/ (mvn package), generates a repository under bench/work/ (once), then measures
# in the same run, per round: the floor (the plugin's git log walk, then git cat-file --batch of the same
# distinct blobs; and both again read through a pipe), the scan in a fresh JVM, and the history goal through
# Maven in a heap of --heap. --repo measures an existing clone instead of the generated repository (the goal
# then runs from an empty folder with -Dnpmrcguard.root=<clone>, so the clone's own pom is never built).
# Maven runs with a local repository of its own, bench/work/m2, filled from ~/.m2 through a file:// mirror:
# the SNAPSHOT built here is installed there, never into ~/.m2.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
TOP="$(cd "$HERE/.." && pwd)"
WORK="$HERE/work"
COMMITS=12000
MODULES=60
POMS=9
REPEAT=3
HEAP=256m
CLONE=

while [ $# -gt 0 ]; do
  case "$1" in
    --commits) COMMITS="$2"; shift 2 ;;
    --modules) MODULES="$2"; shift 2 ;;
    --poms) POMS="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --heap) HEAP="$2"; shift 2 ;;
    --repo) CLONE="$(cd "$2" && pwd)"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

say() { echo "bench: $*" >&2; }

if ! /usr/bin/time -f '%M' true >/dev/null 2>&1; then
  say "GNU time missing: installing it with 'apt-get install -y time'"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q time >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null; }
  else sudo apt-get install -y -q time >/dev/null; fi
fi

mkdir -p "$WORK"
export GIT_CEILING_DIRECTORIES="$WORK" # the generated repository must not see this one above it
TMP="$WORK/history-tmp"; mkdir -p "$TMP"

# ---------------------------------------------------------------- the plugin, without touching ~/.m2
VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$TOP/pom.xml" | head -1)
GAV="io.github.npmrcguard:npmrc-guard-maven-plugin:$VERSION"
JAR="$TOP/target/npmrc-guard-maven-plugin-$VERSION.jar"
M2="$WORK/m2"
SETTINGS="$WORK/m2-settings.xml"
cat > "$SETTINGS" <<XML
<settings>
  <localRepository>$M2</localRepository>
  <mirrors><mirror><id>home-m2</id><mirrorOf>*</mirrorOf><url>file://$HOME/.m2/repository</url></mirror></mirrors>
</settings>
XML
say "building the plugin (mvn package) into target/"
(cd "$TOP" && mvn -B -o -q package -DskipTests -Dinvoker.skip)
say "installing it into $M2 (a local repository of the bench's own)"
(cd "$TOP" && mvn -B -q -s "$SETTINGS" install:install-file -Dfile="$JAR" -DpomFile=pom.xml >/dev/null)
(cd "$TOP" && mvn -B -o -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$TMP/deps.txt" >/dev/null)
CP="$TOP/target/classes:$(cat "$TMP/deps.txt")"

# ---------------------------------------------------------------- the repository (once)
REPO="$WORK/history-poms-$COMMITS-$MODULES-$POMS"
RUN_IN="$REPO"
ROOT_ARG=()
if [ -n "$CLONE" ]; then
  REPO="$CLONE"
  RUN_IN="$TMP/empty"; mkdir -p "$RUN_IN"
  ROOT_ARG=("-Dnpmrcguard.root=$CLONE")
elif [ ! -f "$REPO/.done" ]; then
  rm -rf "$REPO"; mkdir -p "$REPO"
  say "generating $REPO"
  t0=$(date +%s)
  (cd "$REPO" && git init -q -b main && java "$HERE/HistoryGen.java" "$COMMITS" "$MODULES" "$POMS" | git fast-import --quiet \
    && git checkout -q -f main && git gc -q)
  touch "$REPO/.done"
  say "generated in $(( $(date +%s) - t0 )) s"
fi

# The plugin's walk (GitHistory.WALK_OPTIONS and its pathspecs, FileKind.GIT_PATHSPECS), run in the git dir.
LOG=(git -C "$REPO/.git" log --all --full-history --date-order -c --root --no-renames --no-abbrev --raw -z --no-color
  --no-show-signature "--format=format:%x01%H %cI" -- ':(top)*npmrc*' ':(top)*.yarnrc*' ':(top)*bunfig.toml' ':(top)*pom.xml')
# The distinct blob ids the walk names (the new id of each raw entry; deletions and links left out), untimed,
# in the order the walk first names them, which is the order the plugin reads them in: the same order makes
# the same use of git's delta-base cache (sorted by id, the reads jump around the pack and take several times
# longer).
"${LOG[@]}" | tr '\0' '\n' | awk '/^:/ { n = 0; while (substr($0, n + 1, 1) == ":") n++;
  id = $(2 * n + 2); mode = $(n + 1); if (mode ~ /^100/ && id !~ /^0+$/ && !seen[id]++) print id }' > "$TMP/ids"
BLOBS=$(wc -l < "$TMP/ids")
POM_BLOBS=$(git -C "$REPO" rev-list --all --objects --missing=allow-any | awk '$2 ~ /pom\.xml$/ {print $1}' | sort -u | wc -l)
NCOMMITS=$(git -C "$REPO" rev-list --count --all)
say "$NCOMMITS commits, $BLOBS distinct candidate blobs ($POM_BLOBS pom versions)"

# ---------------------------------------------------------------- measuring
RESULTS="$TMP/results.tsv"; : > "$RESULTS"
# timed CASE CMD...: wall seconds, peak RSS (KB) and CPU seconds (user + system, with the children it waited
# for) of the command, from GNU time; its output in $TMP/out.
timed() {
  local c="$1"; shift
  if ! /usr/bin/time -f '%e %M %U %S' -o "$TMP/time" "$@" >"$TMP/out" 2>&1; then
    say "$c failed:"; tail -20 "$TMP/out" >&2; exit 1
  fi
  tail -1 "$TMP/time" | awk -v c="$c" '{printf "%s\t%s\t%s\t%.2f\n", c, $1, $2, $3 + $4}' >> "$RESULTS"
}
MVN=(mvn -B -o -N -s "$SETTINGS")
say "filling $M2 with the plugin's dependencies (from ~/.m2, through the mirror)"
(cd "$RUN_IN" && env -u MAVEN_OPTS mvn -B -q -N -s "$SETTINGS" "$GAV:help" >/dev/null)
RESULTS_KEEP="$RESULTS"; : > "$TMP/warmup.tsv"
for r in $(seq 0 "$REPEAT"); do
  say "round $r of $REPEAT (round 0 warms up and is not counted)"
  if [ "$r" = 0 ]; then RESULTS="$TMP/warmup.tsv"; else RESULTS="$RESULTS_KEEP"; fi
  timed log bash -c '"$@" > /dev/null' _ "${LOG[@]}"
  timed catfile bash -c 'git -C "$1" cat-file --batch --buffer < "$2" > /dev/null' _ "$REPO/.git" "$TMP/ids"
  # The same, read through a pipe, as any reader of git's output reads it (/dev/null takes a write without a copy).
  timed logpipe bash -c '"$@" | cat > /dev/null' _ "${LOG[@]}"
  timed catpipe bash -c 'git -C "$1" cat-file --batch --buffer < "$2" | cat > /dev/null' _ "$REPO/.git" "$TMP/ids"
  timed scan java "-Xmx$HEAP" -cp "$CP" "$HERE/HistoryRun.java" "$REPO"
  SCAN_OUT=$(cat "$TMP/out")
  echo "$SCAN_OUT" | awk '/^scan-seconds / {print "scan-inside\t" $2 "\t"} /^jit-cpu-seconds / {print "scan-jit\t\t\t" $2}' >> "$RESULTS"
  # The same on one core: git's floor commands use one each, one after the other; the scan runs them and its
  # own threads at once, so this shows what the second core buys it.
  if command -v taskset >/dev/null; then
    timed scan1 taskset -c 0 java "-Xmx$HEAP" -cp "$CP" "$HERE/HistoryRun.java" "$REPO"
    awk '/^scan-seconds / {print "scan1-inside\t" $2 "\t"}' "$TMP/out" >> "$RESULTS"
  fi
  java "-Xmx$HEAP" -cp "$CP" "$HERE/HistoryRun.java" "$REPO" 4 \
    | awk '/^scan-seconds-compiled/ {s = $2} END {print "scan-compiled\t" s "\t"}' >> "$RESULTS"
  (cd "$RUN_IN" && timed help env -u MAVEN_OPTS "${MVN[@]}" "$GAV:help")
  (cd "$RUN_IN" && timed history env "MAVEN_OPTS=-Xmx$HEAP" "${MVN[@]}" "$GAV:history" -Dnpmrcguard.fail=false "${ROOT_ARG[@]}")
  MVN_OUT=$(cat "$TMP/out")
done
RESULTS="$RESULTS_KEEP"

median() { awk -v c="$1" -v col="$2" -F'\t' '$1 == c {print $col}' "$RESULTS" | sort -n | awk '{a[NR] = $1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
LOG_S=$(median log 2); CAT_S=$(median catfile 2); LOGP_S=$(median logpipe 2); CATP_S=$(median catpipe 2)
LOGP_C=$(median logpipe 4); CATP_C=$(median catpipe 4)
PIPED=$(awk -v a="$LOGP_S" -v b="$CATP_S" 'BEGIN {printf "%.2f", a + b}')
PIPED_C=$(awk -v a="$LOGP_C" -v b="$CATP_C" 'BEGIN {printf "%.2f", a + b}')
pratio() { awk -v a="$1" -v b="$PIPED" 'BEGIN {printf "%.2f", a / b}'; }
 SCAN_S=$(median scan 2); INSIDE_S=$(median scan-inside 2); COMPILED_S=$(median scan-compiled 2)
JIT_C=$(median scan-jit 4); ONE_S=$(median scan1-inside 2)
HELP_S=$(median help 2); HIST_S=$(median history 2)
SCAN_RSS=$(median scan 3); HELP_RSS=$(median help 3); HIST_RSS=$(median history 3)
LOG_C=$(median log 4); CAT_C=$(median catfile 4); SCAN_C=$(median scan 4); HELP_C=$(median help 4); HIST_C=$(median history 4)
FLOOR_C=$(awk -v a="$LOG_C" -v b="$CAT_C" 'BEGIN {printf "%.2f", a + b}')
ADDED_C=$(awk -v a="$HIST_C" -v b="$HELP_C" 'BEGIN {printf "%.2f", a - b}')
cratio() { awk -v a="$1" -v b="$FLOOR_C" 'BEGIN {printf "%.2f", a / b}'; }
FLOOR=$(awk -v a="$LOG_S" -v b="$CAT_S" 'BEGIN {printf "%.2f", a + b}')
ADDED=$(awk -v a="$HIST_S" -v b="$HELP_S" 'BEGIN {printf "%.2f", a - b}')
ratio() { awk -v a="$1" -v b="$FLOOR" 'BEGIN {printf "%.2f", a / b}'; }
mb() { awk -v k="$1" 'BEGIN {printf "%d", k / 1024}'; }

echo
echo "history bench: $NCOMMITS commits, $BLOBS distinct candidate blobs ($POM_BLOBS pom versions), heap -Xmx$HEAP, median of $REPEAT rounds"
echo
echo "| case | wall s | / floor | / piped floor | CPU s | / floor | peak RSS MB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
echo "| floor: git log (the plugin's walk) > /dev/null | $LOG_S | | | $LOG_C | | |"
echo "| floor: git cat-file --batch --buffer, $BLOBS blobs > /dev/null | $CAT_S | | | $CAT_C | | |"
echo "| floor: both | $FLOOR | 1.00 | | $FLOOR_C | 1.00 | |"
echo "| piped floor: git log \\| cat > /dev/null | $LOGP_S | | | $LOGP_C | | |"
echo "| piped floor: git cat-file ... \\| cat > /dev/null | $CATP_S | | | $CATP_C | | |"
echo "| piped floor: both | $PIPED | $(ratio "$PIPED") | 1.00 | $PIPED_C | $(cratio "$PIPED_C") | |"
echo "| scan, fresh JVM (java -Xmx$HEAP HistoryRun.java), whole process | $SCAN_S | $(ratio "$SCAN_S") | $(pratio "$SCAN_S") | $SCAN_C | $(cratio "$SCAN_C") | $(mb "$SCAN_RSS") |"
echo "| scan, fresh JVM, the scan alone (measured inside) | $INSIDE_S | $(ratio "$INSIDE_S") | $(pratio "$INSIDE_S") | | | |"
echo "| scan, fresh JVM: the JIT's compiler threads during the scan | | | | $JIT_C | | |"
[ "$ONE_S" = - ] || echo "| scan, fresh JVM on one core (taskset -c 0), the scan alone | $ONE_S | $(ratio "$ONE_S") | $(pratio "$ONE_S") | | | |"
echo "| scan, the same JVM's 4th scan (its code compiled) | $COMPILED_S | $(ratio "$COMPILED_S") | $(pratio "$COMPILED_S") | | | |"
echo "| mvn :help | $HELP_S | | | $HELP_C | | $(mb "$HELP_RSS") |"
echo "| mvn :history (MAVEN_OPTS=-Xmx$HEAP) | $HIST_S | $(ratio "$HIST_S") | | $HIST_C | | $(mb "$HIST_RSS") |"
echo "| mvn :history minus :help | $ADDED | $(ratio "$ADDED") | $(pratio "$ADDED") | $ADDED_C | $(cratio "$ADDED_C") | |"
echo
echo "$SCAN_OUT" | sed -n 's/^summary /scan: /p'
echo "$MVN_OUT" | grep -E 'npmrc-guard: all refs|BUILD' | sed -E 's/\x1b\[[0-9;]*m//g; s/^/mvn: /'
echo
HEAP_OK=FAILS; echo "$MVN_OUT" | grep -q 'BUILD SUCCESS' && HEAP_OK=HOLDS
RATIO_OK=$(awk -v a="$ADDED" -v b="$FLOOR" 'BEGIN {print (a <= 1.5 * b) ? "HOLDS" : "FAILS"}')
echo "target: history completes in -Xmx$HEAP through Maven: $HEAP_OK"
PIPED_OK=$(awk -v a="$ADDED" -v b="$PIPED" 'BEGIN {print (a <= 1.5 * b) ? "HOLDS" : "FAILS"}')
echo "target: mvn :history minus :help within 1.5x the floor (git's output to /dev/null): $RATIO_OK ($(ratio "$ADDED")x)"
echo "target: mvn :history minus :help within 1.5x the piped floor (git's output read through a pipe): $PIPED_OK ($(pratio "$ADDED")x)"
echo
echo "commands:"
echo "  floor:   ${LOG[*]} > /dev/null"
echo "           git -C $REPO/.git cat-file --batch --buffer < ids > /dev/null"
echo "  piped:   the same two, each as '... | cat > /dev/null'"
echo "  scan:    java -Xmx$HEAP -cp target/classes:<runtime deps> bench/HistoryRun.java $REPO [4]"
echo "  history: (cd $RUN_IN && MAVEN_OPTS=-Xmx$HEAP ${MVN[*]} $GAV:history -Dnpmrcguard.fail=false ${ROOT_ARG[*]})"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%d GB", $2 / 1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg); $(git --version), java $(java -version 2>&1 | head -1 | cut -d'"' -f2)"
