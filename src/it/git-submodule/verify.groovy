def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def token = fx.npmToken(61L)
def log = new File(basedir, 'build.log').getText('UTF-8')
def expected = "[ERROR] libs/ui/.npmrc:2: literal npm access token (checksum valid) in //registry.npmjs.org/:_authToken [literal-credential] (fingerprint ${fx.fingerprint(token)})"
assert log.contains(expected): "missing line: " + expected
assert !log.contains('[WARNING] npmrc-guard:'): 'the submodule was not read with git'
fx.assertNoSecret(log, token, 'build.log')
return true
