def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def token = fx.npmToken(41L)
def fp = fx.fingerprint(token)
def log = new File(basedir, 'build.log').getText('UTF-8')
def first = fx.git(basedir, 'rev-list', '--max-parents=0', 'HEAD').trim().substring(0, 8)
// Build 1: the token is gone from the files but not from the history.
assert log =~ /\[ERROR\] ${first} \d{4}-\d\d-\d\d web\/\.npmrc:1: literal npm access token \(checksum valid\) in \/\/registry\.npmjs\.org\/:_authToken \[literal-credential\] \(fingerprint ${fp}; in 1 commit/
assert log.contains('npmrc-guard: 1 credential in the git history. Revoke each one, then list its fingerprint in <allowlist> with the revocation as the reason.')
// Build 2: acknowledged as revoked.
assert log.contains('allowed by allowlist: revoked 2026-11-28')
assert log.count('[INFO] BUILD SUCCESS') == 1
fx.assertNoSecret(log, token, 'build.log')
return true
