def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def a = fx.opaqueToken(47L)
def log = new File(basedir, 'build.log').getText('UTF-8')
assert new File(basedir, 'web/.npmrc').getText('UTF-8') == '@acme:registry=https://npm.acme.example/repository/npm-private/\n'
def userConfig = new File(basedir, 'target/npmrc-guard/.npmrc').getText('UTF-8')
assert userConfig.contains('@acme:registry=https://npm.acme.example/repository/npm-private/\n')
assert userConfig.contains('# ACME_REGISTRY_TOKEN is not set: no token line for //npm.acme.example/repository/npm-private/\n')
assert log.contains("[INFO] web/.npmrc:2: removed the line with literal value in //npm.acme.example/repository/npm-private/:_authToken; the user config reads \${ACME_REGISTRY_TOKEN} instead (fingerprint ${fx.fingerprint(a)})")
assert log.contains('[WARNING] web/.npmrc: pnpm and yarn 1 read its token from the user config, so the token line was removed and target/npmrc-guard/.npmrc was written the way generate writes it. Point NPM_CONFIG_USERCONFIG at that file')
assert log.contains('BUILD SUCCESS')
fx.assertNoSecret(log, a, 'build.log')
fx.assertNoSecret(userConfig, a, 'the user config')
return true
