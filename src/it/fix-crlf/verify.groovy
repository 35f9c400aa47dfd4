def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def a = fx.npmToken(21L), b = fx.opaqueToken(22L)
def log = new File(basedir, 'build.log').getText('UTF-8')
def expected = ("; shared registry config\r\nregistry=https://registry.npmjs.org/\r\n" +
    "//registry.npmjs.org/:_authToken = \${NPM_TOKEN}  # CI token\r\n" +
    "@acme:registry=https://npm.acme.example/repository/npm/\r\n" +
    "//npm.acme.example/repository/npm/:_authToken=\"\${NPM_ACME_EXAMPLE_TOKEN}\"\r\n").getBytes('UTF-8')
assert new File(basedir, '.npmrc').bytes == expected
assert log.contains("[INFO] .npmrc:3: replaced literal npm access token (checksum valid) in //registry.npmjs.org/:_authToken with \${NPM_TOKEN} (fingerprint ${fx.fingerprint(a)})")
assert log.contains("[INFO] .npmrc:5: replaced literal value in //npm.acme.example/repository/npm/:_authToken with \${NPM_ACME_EXAMPLE_TOKEN} (fingerprint ${fx.fingerprint(b)})")
assert log.contains('[WARNING] npmrc-guard: rewrote 2 credentials in 1 file. Revoke each of these tokens now')
assert log.contains('[INFO] BUILD SUCCESS')
[a, b].each { fx.assertNoSecret(log, it, 'build.log') }
return true
