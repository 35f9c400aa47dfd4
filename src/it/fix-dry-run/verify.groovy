def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def a = fx.npmToken(31L)
def log = new File(basedir, 'build.log').getText('UTF-8')
assert new File(basedir, 'web/.npmrc').getText('UTF-8').contains(a): 'a dry run writes nothing'
assert log.contains("[INFO] web/.npmrc:1: would replace literal npm access token (checksum valid) in //registry.npmjs.org/:_authToken with \${NPM_TOKEN} (fingerprint ${fx.fingerprint(a)})")
assert log.contains("[ERROR] web/.npmrc:2: password in a URL in registry [credentials-in-url] (fingerprint ${fx.fingerprint('ci:s3cretPassw0rd')}): not rewritten, remove the user name and password from the URL by hand")
assert log.contains('npmrc-guard: 1 committed credential could not be rewritten automatically; follow the steps above, then run mvn npmrc-guard:check.')
fx.assertNoSecret(log, a, 'build.log')
fx.assertNoSecret(log, 's3cretPassw0rd', 'build.log')
return true
