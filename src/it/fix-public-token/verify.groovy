def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def a = fx.npmToken(48L)
def log = new File(basedir, 'build.log').getText('UTF-8')
def comment = "# npmrc-guard:token //registry.npmjs.org/ (its token line is in the user config that npmrc-guard's generate writes)"
// The literal is gone; the comment, which every client skips, keeps the registry declared.
assert new File(basedir, 'web/.npmrc').getText('UTF-8') == "save-exact=true\n${comment}\n"
assert log.contains("[WARNING] web/.npmrc: wrote '${comment}' in place of the token line: it tells generate that //registry.npmjs.org/ needs a token although the file has no registry line for it; keep it")
assert !log.contains('not rewritten')
// mvn clean removed the user config; generate wrote it again from the comment: a token line, no registry line.
assert log.contains('[INFO] Deleting ' + new File(basedir, 'target').canonicalPath)
assert log.contains('[INFO] npmrc-guard: target/npmrc-guard/.npmrc: created (+3 -0)')
assert log.contains('[INFO] npmrc-guard: web: yarn 1.22.22 (packageManager field); registries from its .npmrc npmrc-guard:token comment; token in the user config')
def userConfig = new File(basedir, 'target/npmrc-guard/.npmrc').getText('UTF-8')
assert userConfig.endsWith('placeholders only.\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n')
assert !userConfig.contains('registry=')
assert log.count('BUILD SUCCESS') == 2
fx.assertNoSecret(log, a, 'build.log')
fx.assertNoSecret(userConfig, a, 'the user config')
fx.assertNoSecret(new File(basedir, 'web/.npmrc').getText('UTF-8'), a, 'web/.npmrc')
return true
