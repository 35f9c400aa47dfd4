#!/usr/bin/env bash
# The client oracle's full run (issue 14): generated config cases through npm 11, pnpm 9 and 10, yarn 1,
# yarn 4 and bun against a recording loopback registry, each client's truth held against the plugin's verdict.
#   bench/oracle.sh [--cases 5000] [--seed 14] [--parallel 3] [--cross-check 60]
# Prints the agreement table per client (cases, agree, false negatives, false errors, missed warnings, cost
# per case) and the client versions; the disagreements, secrets elided, are in
# target/oracle/oracle-<cases>.txt. The clients are installed by the tests into ~/.cache/npmrc-guard.
# A new client version is a new run: change the pins in testsupport/PackageManagers, not this script.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
CASES=5000
SEED=14
PARALLEL=3
CROSS=0
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) CASES="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --parallel) PARALLEL="$2"; shift 2 ;;
    --cross-check) CROSS="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

cd "$HERE/.."
mkdir -p target
TESTS='ClientOracleTest#everyVerdictAgreesWithWhatTheClientsSend'
if [ "$CROSS" -gt 0 ]; then
  TESTS='ClientOracleTest'
fi
start=$(date +%s)
status=0
mvn -B -o -q test -Dtest="$TESTS" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dnpmrcguard.oracle.cases="$CASES" -Dnpmrcguard.oracle.seed="$SEED" \
  -Dnpmrcguard.oracle.parallel="$PARALLEL" -Dnpmrcguard.oracle.crossCheck="$CROSS" \
  -Dsurefire.timeout=0 >"target/oracle-bench.log" 2>&1 || status=$?
end=$(date +%s)
if [ -f "target/oracle/oracle-$CASES.txt" ]; then
  sed -n '1,/^disagreements:/p' "target/oracle/oracle-$CASES.txt"
  echo "details: target/oracle/oracle-$CASES.txt"
fi
if [ "$CROSS" -gt 0 ] && [ -f "target/oracle/cross-check-$CROSS.txt" ]; then
  echo "cross-check against real installs ($CROSS cases): target/oracle/cross-check-$CROSS.txt"
fi
echo "node $(node --version), total $((end - start)) s, test exit status $status (log: target/oracle-bench.log)"
exit "$status"
