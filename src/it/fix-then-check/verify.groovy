def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def token = fx.npmToken(21L)
def log = new File(basedir, 'build.log').getText('UTF-8')
def full = "mvn io.github.npmrcguard:npmrc-guard-maven-plugin:${pluginVersion}:"
def finding = "[ERROR] web/.npmrc:2: literal npm access token (checksum valid) in //registry.npmjs.org/:_authToken [literal-credential] (fingerprint ${fx.fingerprint(token)})"
// The plugin is not in the pom, so mvn npmrc-guard:fix would fail with "No plugin found for prefix".
assert log.contains("To fix: 1) revoke each token listed above at its registry first: removing the line does not remove it from git history; 2) keep the token in a CI secret and read it from there: in .npmrc, //registry.npmjs.org/:_authToken=\${NPM_TOKEN} for npm and bun; for pnpm and yarn 1, delete the line and keep the token in the user config that ${full}generate writes (${full}fix moves it there); 3) run ${full}fix to rewrite the files in place.")
assert !log.contains('mvn npmrc-guard:')
assert log.count(finding + '\n') == 1
assert !new File(basedir, 'web/.npmrc').getText('UTF-8').contains(token)
// After fix the working copy is clean; the staged version still holds the token, and check says so.
assert log.count(finding + ' (judged the staged version: the working copy no longer holds it, so stage the file (git add))') == 1
assert log.contains('1 file of them is already clean in the working copy, but the staged version, which was checked, is not: git add it.')
assert log.contains('[ERROR] To fix: 1) revoke each token listed above at its registry first: removing the line does not remove it from git history; 2) the working copy no longer holds it, but the staged version, which is what gets committed, does: git add web/.npmrc, then check again.')
fx.assertNoSecret(log, token, 'build.log')
return true
