#!/usr/bin/env bash
# Compares builds of the plugin installed side by side in the local repository, on one folder: runs their
# check goal alternately, N times each, and prints per build the median time inside the plugin (from its
# "--- npmrc-guard..." log line to BUILD SUCCESS, by Maven's log timestamps) and every run's figure.
# Alternating runs share the machine's drift, so a 5% difference shows where whole-run medians cannot.
#   bench/ab.sh <folder> <runs> <version> <version>...
#   e.g. bench/ab.sh bench/work/tree-200k/git 10 0.1.0-before 0.1.0-SNAPSHOT
# Install a build under another version first: in a worktree of the older commit, set its <version> and run
# mvn -B -q install -DskipTests -Dinvoker.skip.
set -euo pipefail
DIR="$1"; RUNS="$2"; shift 2
HERE="$(cd "$(dirname "$0")" && pwd)"
export GIT_CEILING_DIRECTORIES="$HERE/work" # the bench's plain trees stay git-less
STAMPS="-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"
in_plugin() { # version -> milliseconds
  (cd "$DIR" && MAVEN_OPTS="${MAVEN_OPTS:-} $STAMPS" mvn -B -o -N \
    "io.github.npmrcguard:npmrc-guard-maven-plugin:$1:check" -Dnpmrcguard.sarif="${TMPDIR:-/tmp}/npmrc-guard-ab.sarif" 2>&1) \
  | awk 'function t(x, a) { split(x, a, ":"); return a[1] * 3600 + a[2] * 60 + a[3] }
      /--- npmrc-guard(-maven-plugin)?:/ && s == "" { s = t($1) } /BUILD (SUCCESS|FAILURE)/ && s != "" { e = t($1) }
      END { if (s == "" || e == "") exit 1; if (e < s) e += 86400; printf "%d\n", (e - s) * 1000 }'
}
for i in $(seq 1 "$RUNS"); do
  for v in "$@"; do echo "$v $(in_plugin "$v")"; done
done | sort -k1,1 -k2n | awk '{ n[$1]++; x[$1, n[$1]] = $2; all[$1] = all[$1] " " $2 }
  END { for (v in n) printf "%s: median %d ms, runs:%s\n", v, x[v, int((n[v] + 1) / 2)], all[v] }'
