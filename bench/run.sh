#!/usr/bin/env bash
# The npmrc-guard benchmark (issue 5); see bench/README.md. Run on demand, never in CI.
#   bench/run.sh [--scales 10k,200k,1m] [--repeat 5] [--history 10000] [--no-secretlint] [--no-history]
#                [--plugin groupId:artifactId:version]   (another installed build of the plugin, to compare)
# Needs the plugin installed in the local Maven repository first:
#   mvn -B -q install -DskipTests -Dinvoker.skip
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$HERE/work"
SCALES="10k,200k"
REPEAT=5
HISTORY_COMMITS=10000
DO_SECRETLINT=1
DO_HISTORY=1
SECRETLINT_VERSION=13.0.6
SECRETLINT_RULE_NPM_VERSION=13.0.4
GAV=io.github.npmrcguard:npmrc-guard-maven-plugin:0.1.0-SNAPSHOT

while [ $# -gt 0 ]; do
  case "$1" in
    --scales) SCALES="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --history) HISTORY_COMMITS="$2"; shift 2 ;;
    --no-secretlint) DO_SECRETLINT=0; shift ;;
    --no-history) DO_HISTORY=0; shift ;;
    --plugin) GAV="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

say() { echo "bench: $*" >&2; }

JAR="$HOME/.m2/repository/io/github/npmrcguard/npmrc-guard-maven-plugin/0.1.0-SNAPSHOT/npmrc-guard-maven-plugin-0.1.0-SNAPSHOT.jar"
if [ ! -f "$JAR" ]; then
  echo "bench: the plugin is not installed; run: mvn -B -q install -DskipTests -Dinvoker.skip" >&2
  exit 2
fi

# GNU time gives the peak RSS (%M). Debian's package is "time".
if ! /usr/bin/time -f '%M' true >/dev/null 2>&1; then
  say "GNU time missing: installing it with 'apt-get install -y time'"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q time >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null; }
  else sudo apt-get install -y -q time >/dev/null; fi
fi

mkdir -p "$WORK"
# bench/work/ sits inside this repository's work tree: without a ceiling, git run in a "plain" folder would
# find this repository (and the plugin would scan it). The ceiling makes the plain folders git-less.
export GIT_CEILING_DIRECTORIES="$WORK"

scale_files() {
  case "$1" in
    *k) echo $(( ${1%k} * 1000 )) ;;
    *m) echo $(( ${1%m} * 1000000 )) ;;
    *) echo "$1" ;;
  esac
}

# ---------------------------------------------------------------- generation (once per scale)
gen_scale() {
  local s="$1" n dir
  n=$(scale_files "$s")
  dir="$WORK/tree-$s"
  if [ -f "$dir/.done" ]; then return; fi
  rm -rf "$dir"
  mkdir -p "$dir"
  say "generating $s ($n files)"
  local t0=$(date +%s)
  java -cp "$JAR" "$HERE/Gen.java" tree "$dir/git" "$n"
  # The plain folder: the same files as hard links, and no .git.
  cp -al "$dir/git" "$dir/plain"
  (cd "$dir/git" && git init -q -b main && git add -A && \
    git -c user.name=bench -c user.email=bench@example.invalid commit -q -m "synthetic tree")
  touch "$dir/.done"
  say "generated $s in $(( $(date +%s) - t0 )) s: $(cd "$dir/git" && git ls-files | wc -l) tracked files"
}

gen_history() {
  local commits="$1" distinct="$2" dir="$WORK/history-$1-$2"
  if [ -f "$dir/.done" ]; then return; fi
  rm -rf "$dir"; mkdir -p "$dir"
  say "generating a history of $commits commits over $distinct distinct .npmrc contents"
  (cd "$dir" && git init -q -b main && \
    java -cp "$JAR" "$HERE/Gen.java" history "$commits" "$distinct" | git fast-import --quiet && \
    git checkout -q -f main)
  (cd "$dir" && git rev-list --all --objects | awk '$2 ~ /\.npmrc$/ {print $1}' | sort -u | wc -l) > "$dir/blobs"
  touch "$dir/.done"
}

install_secretlint() {
  local d="$WORK/secretlint"
  if [ -x "$d/node_modules/.bin/secretlint" ] && grep -q "\"version\": \"$SECRETLINT_VERSION\"" "$d/node_modules/secretlint/package.json"; then return; fi
  say "installing secretlint@$SECRETLINT_VERSION @secretlint/secretlint-rule-npm@$SECRETLINT_RULE_NPM_VERSION into $d"
  mkdir -p "$d"
  npm install --silent --no-audit --no-fund --prefix "$d" \
    "secretlint@$SECRETLINT_VERSION" "@secretlint/secretlint-rule-npm@$SECRETLINT_RULE_NPM_VERSION" >/dev/null
  echo '{ "rules": [ { "id": "@secretlint/secretlint-rule-npm" } ] }' > "$d/.secretlintrc.json"
}

IFS=, read -r -a SCALE_LIST <<< "$SCALES"
for s in "${SCALE_LIST[@]}"; do gen_scale "$s"; done
HIST_DISTINCT=(250 1000 4000)
if [ "$DO_HISTORY" = 1 ]; then for d in "${HIST_DISTINCT[@]}"; do gen_history "$HISTORY_COMMITS" "$d"; done; fi
if [ "$DO_SECRETLINT" = 1 ]; then install_secretlint; fi

# ---------------------------------------------------------------- measuring
RESULTS="$WORK/results-$(date +%Y%m%d-%H%M%S).tsv"
printf 'case\tscale\trep\tseconds\tmaxrss_kb\tmojo_seconds\n' > "$RESULTS"
TMP="$WORK/tmp"; mkdir -p "$TMP"
SARIF="$TMP/out.sarif"

# timed CASE SCALE REP DIR CMD...: wall time by date, peak RSS of the command's process tree leader by GNU time,
# and for a Maven run the time from the plugin's "--- npmrc-guard..." line to "BUILD SUCCESS" (the
# plugin's realm, configuration and goal, without the JVM start and Maven's own set-up, whose variance
# check and help share): from the log lines' timestamps.
timed() {
  local c="$1" s="$2" r="$3" d="$4"; shift 4
  local t0 t1 rss mojo
  t0=$(date +%s%N)
  if ! (cd "$d" && MAVEN_OPTS="${MAVEN_OPTS:-} $STAMPS" /usr/bin/time -f '%M' -o "$TMP/rss" "$@" >"$TMP/out" 2>&1); then
    if [ "$c" != secretlint ]; then say "$c $s failed:"; tail -20 "$TMP/out" >&2; exit 1; fi
  fi
  t1=$(date +%s%N)
  rss=$(tail -1 "$TMP/rss")
  mojo=$(awk 'function t(x, a) { split(x, a, ":"); return a[1] * 3600 + a[2] * 60 + a[3] }
    /--- npmrc-guard(-maven-plugin)?:/ && s == "" { s = t($1) } /BUILD (SUCCESS|FAILURE)/ && s != "" { e = t($1) }
    END { if (s != "" && e != "") { if (e < s) e += 86400; printf "%.4f", e - s } }' "$TMP/out")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$c" "$s" "$r" "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.4f", (b-a)/1e9}')" "$rss" "$mojo" >> "$RESULTS"
}

# Not -q: the log lines' timestamps give the time inside the plugin (see timed); the plugin's warnings are
# printed, as in a user's build.
STAMPS="-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"
MVN=(mvn -B -o -N)
floor_git() {
  git ls-files -z -co --exclude-standard -- '*npmrc*' '*.yarnrc*' '*bunfig.toml' '*pom.xml' ':(exclude,glob)**/node_modules/**' \
    | xargs -0 -r cat >/dev/null
}
floor_plain() {
  find . \( -name node_modules -o -name .git -o -name target -o -name build -o -name dist \) -prune -o -type f \
    \( -name .npmrc -o -name npmrc -o -name '.npmrc.?*' -o -name .yarnrc -o -name .yarnrc.yml -o -name bunfig.toml \
       -o -name .bunfig.toml -o -name pom.xml \) -print0 | xargs -0 -r cat >/dev/null
}
export -f floor_git floor_plain

one_round() {
  local r="$1" s dir mode
  for s in "${SCALE_LIST[@]}"; do
    for mode in git plain; do
      dir="$WORK/tree-$s/$mode"
      timed "help-$mode" "$s" "$r" "$dir" "${MVN[@]}" "$GAV:help"
      # help does work of its own (reads plugin-help.xml, prints); check with npmrcguard.skip is the tighter baseline
      timed "skip-$mode" "$s" "$r" "$dir" "${MVN[@]}" "$GAV:check" -Dnpmrcguard.skip=true
      timed "check-$mode" "$s" "$r" "$dir" "${MVN[@]}" "$GAV:check" "-Dnpmrcguard.sarif=$SARIF"
      if [ "$r" = 0 ]; then # what the scan saw, for the report
        (cd "$dir" && mvn -B -o -N "$GAV:check" "-Dnpmrcguard.sarif=$SARIF" 2>&1 | grep -E 'npmrc-guard: (scanning|[0-9]+ files|.*git)' \
          | sed "s|^|  $s $mode: |" >> "$TMP/seen")
      fi
      timed "floor-$mode" "$s" "$r" "$dir" bash -c "floor_$mode"
    done
    if [ "$DO_SECRETLINT" = 1 ]; then
      timed secretlint "$s" "$r" "$WORK/tree-$s/plain" "$WORK/secretlint/node_modules/.bin/secretlint" \
        --secretlintrc "$WORK/secretlint/.secretlintrc.json" "**/.npmrc"
    fi
  done
  if [ "$DO_HISTORY" = 1 ]; then
    for d in "${HIST_DISTINCT[@]}"; do
      dir="$WORK/history-$HISTORY_COMMITS-$d"
      timed "help-history" "h$d" "$r" "$dir" "${MVN[@]}" "$GAV:help"
      timed "history" "h$d" "$r" "$dir" "${MVN[@]}" "$GAV:history" -Dnpmrcguard.fail=false
    done
  fi
}

rm -f "$TMP/seen"
say "warm-up round (not counted)"
one_round 0
for r in $(seq 1 "$REPEAT"); do
  say "round $r/$REPEAT"
  one_round "$r"
done

# ---------------------------------------------------------------- which parser classes load
# A folder with .npmrc files only: no YAML, TOML or XML parser class of the plugin should load.
CL="$TMP/classload"; rm -rf "$CL"; mkdir -p "$CL/a"
printf 'registry=https://registry.npmjs.org/\n' > "$CL/.npmrc"
printf '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' > "$CL/a/.npmrc"
(cd "$CL" && MAVEN_OPTS="-verbose:class" "${MVN[@]}" "$GAV:check" > "$TMP/classes.txt" 2>&1) || true
# Parsing classes: the YAML and TOML libraries, the JDK's StAX implementation (Maven itself reads poms with
# its own parser), and the plugin's parsers for those formats.
LOADED=$(grep -oE '(org\.snakeyaml|org\.tomlj|com\.sun\.xml\.internal\.stream|io\.github\.npmrcguard\.parse\.(PomParser|YarnrcYmlParser|BunfigTomlParser)[A-Za-z$]*)[^ ]*' "$TMP/classes.txt" \
  | sed -E 's/\$.*//; s/^(org\.snakeyaml|org\.tomlj|com\.sun\.xml\.internal\.stream)\..*/\1.*/' | sort -u | tr '\n' ' ' || true)

# ---------------------------------------------------------------- the table
MACHINE="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
VERSIONS="java $(java -version 2>&1 | head -1 | cut -d'"' -f2), mvn $(mvn -v 2>/dev/null | head -1 | sed -E 's/\x1b\[[0-9;]*m//g' | awk '{print $3}'), $(git --version | awk '{print "git " $3}'), node $(node -v 2>/dev/null || echo none)"
if [ "$DO_SECRETLINT" = 1 ]; then VERSIONS="$VERSIONS, secretlint $SECRETLINT_VERSION (rule-npm $SECRETLINT_RULE_NPM_VERSION)"; fi
BLOBS=""
if [ "$DO_HISTORY" = 1 ]; then
  for d in "${HIST_DISTINCT[@]}"; do BLOBS="$BLOBS h$d=$(cat "$WORK/history-$HISTORY_COMMITS-$d/blobs")"; done
fi
java "$HERE/Report.java" "$RESULTS" "$MACHINE" "$VERSIONS" "$HISTORY_COMMITS" "${BLOBS# }" "${LOADED:-none}"

# ---------------------------------------------------------------- heap used by the scan
# The same scan as the check goal, in a JVM of its own: bytes allocated and bytes held after it (one run each).
PLUGIN_JAR="$HOME/.m2/repository/$(echo "$GAV" | cut -d: -f1 | tr . /)/$(echo "$GAV" | cut -d: -f2)/$(echo "$GAV" | cut -d: -f3)/$(echo "$GAV" | cut -d: -f2)-$(echo "$GAV" | cut -d: -f3).jar"
(cd "$HERE/.." && mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$TMP/deps.txt" >/dev/null 2>&1) || true
if [ -f "$PLUGIN_JAR" ] && [ -s "$TMP/deps.txt" ]; then
  echo "heap used by the scan (in-process, what check runs; allocated includes garbage):"
  for s in "${SCALE_LIST[@]}"; do
    for m in git plain; do
      printf '  %-5s %-7s %s\n' "$s" "$([ "$m" = git ] && echo git || echo 'no git')" \
        "$(java -Xms1g -Xmn768m -XX:TLABSize=16k -XX:-ResizeTLAB -cp "$PLUGIN_JAR:$(cat "$TMP/deps.txt")" \
          "$HERE/ScanHeap.java" --allocated "$WORK/tree-$s/$m" 2>&1 | tail -1), $(java \
          -cp "$PLUGIN_JAR:$(cat "$TMP/deps.txt")" "$HERE/ScanHeap.java" "$WORK/tree-$s/$m" 2>&1 | tail -1)"
    done
  done
  # The peak of what a scan holds, garbage aside: the smallest -Xmx (whole MB, default collector) under which
  # the same scan completes, found by bisection. A probe still collecting garbage after two minutes (a heap just
  # too small can keep G1 busy for many) counts as not completing: the scan itself takes well under a second.
  CLS="$TMP/scanheap-classes"; rm -rf "$CLS"; mkdir -p "$CLS"
  javac -nowarn -d "$CLS" -cp "$PLUGIN_JAR:$(cat "$TMP/deps.txt")" "$HERE/ScanHeap.java"
  # (In a subshell that outlives the probe, whose stderr is dropped: the shell's "Killed" notice for a probe the
  # timeout stops would otherwise land in the table.)
  completes() { (timeout -s KILL 120 java "-Xmx${1}m" -cp "$CLS:$PLUGIN_JAR:$(cat "$TMP/deps.txt")" ScanHeap --scan-only "$2" >/dev/null 2>&1; exit $?) 2>/dev/null; }
  printf '  smallest heap a scan completes in (-Xmx, MB):'
  for s in "${SCALE_LIST[@]}"; do
    for m in git plain; do
      lo=2 hi=256 # lo fails (the JVM does not start below it), hi completes
      if ! completes "$hi" "$WORK/tree-$s/$m"; then printf ' %s %s: over %d;' "$s" "$m" "$hi"; continue; fi
      while [ $((hi - lo)) -gt 1 ]; do
        mid=$(( (lo + hi) / 2 ))
        if completes "$mid" "$WORK/tree-$s/$m"; then hi=$mid; else lo=$mid; fi
      done
      printf ' %s %s %d;' "$s" "$([ "$m" = git ] && echo git || echo 'no git')" "$hi"
    done
  done
  echo
  # Not a verdict: these trees grow their candidates along with the rest (12, 202, 1002 checked), and what a
  # scan holds follows its candidates (their contents, their findings); it must not follow the rest.
fi
echo "what the check saw (warm-up round):"; cat "$TMP/seen"
say "raw figures: $RESULTS"
