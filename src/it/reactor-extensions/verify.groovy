def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def log = new File(basedir, 'build.log').getText('UTF-8')
def text = { String p -> new File(basedir, p).getText('UTF-8') }
assert !log.contains('ClassCastException') && !log.contains('type incompatibility')
assert log.count('[INFO] BUILD SUCCESS') == 2
// fix rewrote the literal in the module with extensions, once for the build.
assert text('tools/.npmrc') == '@acme:registry=https://npm.acme.example/repository/npm-private/\n' +
    '//npm.acme.example/repository/npm-private/:_authToken=${ACME_NPM_TOKEN}\n'
assert log.count('npmrc-guard: rewriting committed credentials under') == 1
// generate wrote the frontend's config once; check then passed over it.
assert text('web/.npmrc') == '@acme:registry=https://npm.acme.example/repository/npm-private/\n' +
    '//npm.acme.example/repository/npm-private/:_authToken=${ACME_NPM_TOKEN}\n'
assert log.contains('[INFO] npmrc-guard: web/.npmrc: created (+2 -0)')
assert log.count('npmrc-guard: scanning ' + basedir.canonicalPath) == 1
assert !log.contains('[ERROR]')
fx.assertNoSecret(log, fx.opaqueToken(15L), 'build.log')
return true
