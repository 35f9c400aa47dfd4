def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def a = fx.npmToken(48L)
fx.git(basedir, 'init', '-q')
fx.write(basedir, '.gitignore', 'target/\nbuild.log\n')
fx.write(basedir, 'web/package.json', '{"name":"web","version":"1.0.0","packageManager":"yarn@1.22.22"}\n')
fx.write(basedir, 'web/.npmrc', "save-exact=true\n//registry.npmjs.org/:_authToken=${a}\n")
fx.git(basedir, 'add', '-A')
return true
