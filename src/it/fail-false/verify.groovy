def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def token = fx.npmToken(1L)
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("[ERROR] .npmrc:2: literal npm access token (checksum valid) in //registry.npmjs.org/:_authToken [literal-credential] (fingerprint ${fx.fingerprint(token)})")
assert log.contains('[WARNING] npmrc-guard: 1 committed npm credential finding in 1 file. Revoke each token')
assert log.contains("comment above the line. Not failing the build: npmrcguard.fail=false.")
assert log.contains('[INFO] BUILD SUCCESS')
fx.assertNoSecret(log, token, 'build.log')
return true
