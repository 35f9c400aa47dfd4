def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def token = fx.npmToken(1L)
def log = new File(basedir, 'build.log').getText('UTF-8')
def expected = "[ERROR] .npmrc:2: literal npm access token (checksum valid) in //registry.npmjs.org/:_authToken [literal-credential] (fingerprint ${fx.fingerprint(token)})"
assert log.contains(expected): "missing line: " + expected
assert log.contains("[ERROR] Failed to execute goal io.github.npmrcguard:npmrc-guard-maven-plugin:${pluginVersion}:check (default) on project committed-token: npmrc-guard: 1 committed npm credential finding in 1 file.")
assert log.contains('npmrc-guard: 1 committed npm credential finding in 1 file. Revoke each token')
assert log.contains('[ERROR] To fix: 1) revoke each token listed above at its registry first')
// The plugin is in this pom: the short command works here.
assert log.contains('3) run mvn npmrc-guard:fix to rewrite the files in place.')
fx.assertNoSecret(log, token, 'build.log')
def sarif = new File(basedir, 'target/npmrc-guard.sarif').getText('UTF-8')
fx.assertNoSecret(sarif, token, 'the SARIF report')
return true
