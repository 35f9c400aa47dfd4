#!/usr/bin/env bash
# The pre-commit hook's wall time for a commit touching one .npmrc in the generated tree (issue 17), against
# its floor measured in the same rounds (a JVM start, git diff --cached, reading the staged candidates in one
# cat-file --batch) and against a Maven help run. Run on demand, never in CI.
#   bench/hook.sh [--scale 200k] [--repeat 9]
# Needs target/classes and the plugin installed in target/local-repo, which the ITs do:
#   mvn -B -o verify -DskipTests -Dinvoker.test=hook-install
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
WORK="$HERE/work"
SCALE=200k
REPEAT=9
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
say() { echo "bench: $*" >&2; }

VERSION=0.1.0-SNAPSHOT
GAV="io.github.npmrcguard:npmrc-guard-maven-plugin:$VERSION"
REPO="$ROOT/target/local-repo"
JAR="$REPO/io/github/npmrcguard/npmrc-guard-maven-plugin/$VERSION/npmrc-guard-maven-plugin-$VERSION.jar"
if [ ! -f "$JAR" ] || [ ! -d "$ROOT/target/classes" ]; then
  say "the plugin is not in target/local-repo; run: mvn -B -o verify -DskipTests -Dinvoker.test=hook-install"
  exit 2
fi
# As for the ITs: the plugin from target/local-repo, everything else from the user's local repository.
mkdir -p "$WORK"
SETTINGS="$WORK/hook-settings.xml"
sed "s|@localRepositoryUrl@|file://$HOME/.m2/repository|" "$ROOT/src/it/settings.xml" > "$SETTINGS"
MVN=(mvn -B -o -q -N -s "$SETTINGS" -Dmaven.repo.local="$REPO")
# bench/work/ is inside this repository's work tree: the ceiling keeps git from finding it above a tree.
export GIT_CEILING_DIRECTORIES="$WORK"

case "$SCALE" in
  *k) N=$(( ${SCALE%k} * 1000 )) ;;
  *m) N=$(( ${SCALE%m} * 1000000 )) ;;
  *) N="$SCALE" ;;
esac
TREE="$WORK/tree-$SCALE/git"
# run.sh makes the same tree (and a plain copy, marked .done); this script needs only the git one.
if [ ! -f "$WORK/tree-$SCALE/.done" ] && [ ! -f "$WORK/tree-$SCALE/.git-done" ]; then
  say "generating $SCALE ($N files)"
  rm -rf "$WORK/tree-$SCALE"
  mkdir -p "$WORK/tree-$SCALE"
  java -cp "$ROOT/target/classes" "$HERE/Gen.java" tree "$TREE" "$N"
  (cd "$TREE" && git init -q -b main && git add -A && \
    git -c user.name=bench -c user.email=bench@example.invalid commit -q -m "synthetic tree")
  touch "$WORK/tree-$SCALE/.git-done"
fi

cd "$TREE"
NPMRC="$(git ls-files -- '*/frontend/.npmrc' | sed -n 1p)"
SPECS=('*npmrc*' '*.yarnrc*' '*bunfig.toml' '*pom.xml')
cp "$NPMRC" "$WORK/hook-npmrc.orig"
restore() {
  cd "$TREE"
  cp "$WORK/hook-npmrc.orig" "$NPMRC"
  git reset -q -- "$NPMRC"
  "${MVN[@]}" "$GAV:uninstall-hook" >/dev/null 2>&1 || true
}
trap restore EXIT

"${MVN[@]}" "$GAV:install-hook"
HOOK="$(git rev-parse --git-path hooks)/pre-commit"

# A sanity check first: a staged literal is refused, so the timed runs below check and do not skip.
printf '//registry.npmjs.org/:_authToken=npm_%s\n' "$(head -c 300 /dev/urandom | tr -dc 'A-Za-z0-9' | head -c 36)" >> "$NPMRC"
git add -- "$NPMRC"
if "$HOOK" >/dev/null 2>&1; then say "the hook let a staged literal through: not timing it"; exit 1; fi
cp "$WORK/hook-npmrc.orig" "$NPMRC"
echo '# changed by bench/hook.sh' >> "$NPMRC"
git add -- "$NPMRC"
OUT="$("$HOOK" 2>&1)" || { say "the hook refused a clean commit: $OUT"; exit 1; }
[ -z "$OUT" ] || { say "the hook said: $OUT"; exit 1; }

ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
floor() {
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -version
  git diff --cached --raw --no-renames --no-abbrev --diff-filter=d -- "${SPECS[@]}" | awk '{ print $4 }' \
    | git cat-file --batch
}
help_run() { "${MVN[@]}" "$GAV:help"; }

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
HOOKS=(); FLOORS=(); HELPS=()
say "$REPEAT rounds (and one not counted) of hook, floor, help in $TREE, $(git ls-files | wc -l) tracked files"
for i in $(seq 0 "$REPEAT"); do
  h=$(ms "$HOOK"); f=$(ms floor); m=$(ms help_run)
  if [ "$i" -gt 0 ]; then HOOKS+=("$h"); FLOORS+=("$f"); HELPS+=("$m"); fi
done
# The usual commit touches no config file: the script answers from git diff --quiet, with no JVM.
cp "$WORK/hook-npmrc.orig" "$NPMRC"
git reset -q -- "$NPMRC"
OTHER="$(git ls-files -- '*.java' | sed -n 1p)"
cp "$OTHER" "$WORK/hook-other.orig"
echo '// changed by bench/hook.sh' >> "$OTHER"
git add -- "$OTHER"
NONE=()
for i in $(seq 0 "$REPEAT"); do
  n=$(ms "$HOOK")
  if [ "$i" -gt 0 ]; then NONE+=("$n"); fi
done
cp "$WORK/hook-other.orig" "$OTHER"
git reset -q -- "$OTHER"
N0=$(printf '%s\n' "${NONE[@]}" | median)
H=$(printf '%s\n' "${HOOKS[@]}" | median)
F=$(printf '%s\n' "${FLOORS[@]}" | median)
M=$(printf '%s\n' "${HELPS[@]}" | median)
echo "scale $SCALE, $REPEAT rounds, medians (ms); $(java -version 2>&1 | head -1), $(git --version)"
echo "| hook | floor | hook/floor (target <= 2) | mvn help | hook/help (target <= 0.33) |"
echo "| --- | --- | --- | --- | --- |"
awk -v h="$H" -v f="$F" -v m="$M" 'BEGIN { printf "| %d | %d | %.2f | %d | %.2f |\n", h, f, h / f, m, h / m }'
echo "hook for a commit that touches no config file (one .java staged): median $N0 ms, runs: ${NONE[*]}"
echo "hook runs: ${HOOKS[*]}"
echo "floor runs: ${FLOORS[*]}"
echo "help runs: ${HELPS[*]}"
