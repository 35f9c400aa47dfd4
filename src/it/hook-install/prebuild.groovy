def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('FP_ALLOWED', fx.fingerprint(fx.npmToken(2L)))
fx.git(basedir, 'init', '-q')
fx.write(basedir, '.gitignore', 'target/\nbuild.log\nhusky.log\n')
fx.write(basedir, '.npmrc', 'registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n')
fx.git(basedir, 'add', '-A')
fx.git(basedir, 'commit', '-qm', 'first')
// An existing hook that npmrc-guard did not write: it must be kept and still run.
def hook = new File(basedir, '.git/hooks/pre-commit')
hook.parentFile.mkdirs()
hook.text = '#!/bin/sh\necho husky-ran >> husky.log\n'
hook.setExecutable(true)
return true
