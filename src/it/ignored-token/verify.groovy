def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def token = fx.opaqueToken(3L)
def log = new File(basedir, 'build.log').getText('UTF-8')
def expected = "[WARNING] local/.npmrc:1: literal value in //nexus.example.com/repository/npm/:_authToken [literal-credential] (fingerprint ${fx.fingerprint(token)}) (only in a file git ignores: never committed)"
assert log.contains(expected): "missing line: " + expected
assert log.contains('[INFO] BUILD SUCCESS')
fx.assertNoSecret(log, token, 'build.log')
return true
