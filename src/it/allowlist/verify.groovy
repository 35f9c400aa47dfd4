def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def a = fx.opaqueToken(11L), b = fx.opaqueToken(12L), c = fx.opaqueToken(13L)
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("[INFO] .npmrc:2: literal value in //mirror.example.com/:_authToken [literal-credential] (fingerprint ${fx.fingerprint(a)}) allowed by allow comment: read-only token of the public mirror")
assert log.contains("[INFO] .npmrc:3: literal value in //b.example.com/:_authToken [literal-credential] (fingerprint ${fx.fingerprint(b)}) allowed by allowlist: test fixture for the staging registry")
assert log.contains("[ERROR] .npmrc:4: literal value in //c.example.com/:_authToken [literal-credential] (fingerprint ${fx.fingerprint(c)}) (allowlist entry expired on 2020-01-31)")
assert log.contains('npmrc-guard: 1 committed npm credential finding in 1 file.')
[a, b, c].each { fx.assertNoSecret(log, it, 'build.log') }
return true
