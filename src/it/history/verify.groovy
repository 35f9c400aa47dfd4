def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def token = fx.npmToken(41L)
def fp = fx.fingerprint(token)
def log = new File(basedir, 'build.log').getText('UTF-8')
def first8 = fx.git(basedir, 'rev-list', '--max-parents=0', 'HEAD').trim().substring(0, 8)
// Build 1: the token is gone from the files but not from the history.
assert log =~ /\[ERROR\] ${first8} \d{4}-\d\d-\d\d web\/\.npmrc:1: literal npm access token \(checksum valid\) in \/\/registry\.npmjs\.org\/:_authToken \[literal-credential\] \(fingerprint ${fp}; in 1 commit/
assert log.contains('npmrc-guard: 1 credential in the git history. Revoke each one, then list its fingerprint in <allowlist> with the revocation as the reason.')
// Build 2: acknowledged as revoked.
assert log.contains('allowed by allowlist: revoked 2026-11-28')
assert log.count('[INFO] BUILD SUCCESS') == 1
fx.assertNoSecret(log, token, 'build.log')
// The SARIF reports: build 1's names the secret at the commit that introduced it; build 2's (the default
// place) has the same rules and no result, since the secret is allowed.
def first = new File(basedir, 'target/first-history.sarif').getText('UTF-8')
fx.assertNoSecret(first, token, 'target/first-history.sarif')
def report = new groovy.json.JsonSlurper().parseText(first)
def results = report.runs[0].results
assert results.size() == 1
assert results[0].ruleId == 'literal-credential'
assert results[0].locations[0].physicalLocation.artifactLocation.uri == 'web/.npmrc'
assert results[0].message.text.contains("fingerprint ${fp}; in the git history since commit ${first8}")
assert report.runs[0].tool.driver.rules*.id.contains('literal-credential')
def second = new File(basedir, 'target/npmrc-guard-history.sarif').getText('UTF-8')
assert new groovy.json.JsonSlurper().parseText(second).runs[0].results.isEmpty()
assert log.contains('npmrc-guard: SARIF report written to ' + new File(basedir, 'target/first-history.sarif').absolutePath)
return true
