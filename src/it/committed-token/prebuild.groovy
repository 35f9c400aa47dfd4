def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def token = fx.npmToken(1L)
fx.git(basedir, 'init', '-q')
fx.write(basedir, '.npmrc', "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${token}\n")
fx.git(basedir, 'add', '-A')
return true
