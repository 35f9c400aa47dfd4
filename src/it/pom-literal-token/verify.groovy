def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def token = fx.npmToken(51L)
def log = new File(basedir, 'build.log').getText('UTF-8')
def expected = "[ERROR] pom.xml:19: literal npm access token (checksum valid) in frontend-maven-plugin environmentVariables/NPM_TOKEN [pom-literal-env-token] (fingerprint ${fx.fingerprint(token)})"
assert log.contains(expected): 'missing: ' + expected
assert log.contains('npmrc-guard: 1 committed npm credential finding in 1 file.')
fx.assertNoSecret(log, token, 'build.log')
return true
