def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def a = fx.npmToken(31L)
fx.git(basedir, 'init', '-q')
fx.write(basedir, 'web/.npmrc', "//registry.npmjs.org/:_authToken=${a}\nregistry=https://ci:s3cretPassw0rd@npm.acme.example/\n")
fx.git(basedir, 'add', '-A')
return true
