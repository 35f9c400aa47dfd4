#!/usr/bin/env bash
# See npmrc-guard work: installs the plugin, commits a leaked npm token in a copy of the example project,
# runs `mvn validate` (it fails, naming file, line, key and fingerprint, never the token), then replaces
# the token with a placeholder and runs it again (it passes). The token is made fresh by this script.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")

echo "==> Installing the plugin into the local Maven repository (tests skipped)"
mvn -B -q -f "$repo/pom.xml" install -DskipTests -Dinvoker.skip=true

work=$(mktemp -d "${TMPDIR:-/tmp}/npmrc-guard-demo.XXXXXX")
cp -R "$here/example/." "$work/"
cd "$work"
git init -q
git config user.name demo && git config user.email demo@example.invalid

token=$(java "$here/MakeToken.java")
printf 'registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=%s\n' "$token" > src/main/frontend/.npmrc
git add -A && git commit -qm "frontend: add registry config (with a leaked token)"
echo
echo "==> 1) A token is committed in $work/src/main/frontend/.npmrc; mvn validate:"
set +e
mvn -B validate 2>&1 | tee build-1.log | grep -E 'npmrc-guard|ERROR|BUILD'
status=${PIPESTATUS[0]}
set -e
[ "$status" -ne 0 ] || { echo "demo: expected the build to fail"; exit 1; }
if grep -qF "${token:4:8}" build-1.log; then echo "demo: the token leaked into the log"; exit 1; fi

printf 'registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' > src/main/frontend/.npmrc
git add -A && git commit -qm "frontend: token comes from NPM_TOKEN"
echo
echo "==> 2) The token is replaced by \${NPM_TOKEN}; mvn validate:"
mvn -B validate 2>&1 | tee build-2.log | grep -E 'npmrc-guard|ERROR|BUILD'
echo
echo "Demo project left in $work (logs: build-1.log, build-2.log)."
