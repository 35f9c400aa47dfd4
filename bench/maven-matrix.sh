#!/usr/bin/env bash
# Runs the invoker ITs on every supported Maven (fetched as org.apache.maven:apache-maven:<v>:zip:bin) and on
# each JDK given, and prints one line per combination. .ci/run covers Maven 3.6.3 and the machine's Maven on
# the default Java; this covers the rest on demand.
#   bench/maven-matrix.sh [--maven "3.6.3 3.8.7 3.9.16 4.0.0-rc-4"] [--java "/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64"]
set -euo pipefail
cd "$(dirname "$0")/.."
mavens="3.6.3 3.9.16 4.0.0-rc-4"
javas="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
for j in /usr/lib/jvm/temurin-25-jdk-amd64; do [ -x "$j/bin/java" ] && javas="$javas $j"; done
while [ $# -gt 0 ]; do
  case "$1" in
    --maven) mavens="$2"; shift 2 ;;
    --java) javas="$2"; shift 2 ;;
    *) echo "usage: $0 [--maven \"versions\"] [--java \"JDK folders\"]" >&2; exit 2 ;;
  esac
done
mvn -B -q install -DskipTests -Dinvoker.skip
dist=target/maven-dists
mkdir -p "$dist"
results=()
for v in $mavens; do
  if [ ! -x "$dist/apache-maven-$v/bin/mvn" ]; then
    mvn -B -q dependency:copy -Dartifact="org.apache.maven:apache-maven:$v:zip:bin" -DoutputDirectory="$PWD/$dist"
    unzip -qo "$dist/apache-maven-$v-bin.zip" -d "$dist"
  fi
  for j in $javas; do
    rm -rf target/it target/invoker-reports
    status=passed
    mvn -B -q -DskipTests -Dinvoker.mavenHome="$PWD/$dist/apache-maven-$v" -Dinvoker.javaHome="$j" verify \
      > "target/matrix-$v-$(basename "$j").log" 2>&1 || status=FAILED
    ok=$( (grep -l 'result="success"' target/invoker-reports/BUILD-*.xml || true) | wc -l)
    all=$(ls target/invoker-reports/BUILD-*.xml 2>/dev/null | wc -l)
    results+=("Maven $v, $("$j/bin/java" -version 2>&1 | sed -n 1p): $status ($ok of $all ITs)")
  done
done
printf '%s\n' "${results[@]}"
