def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def token = fx.opaqueToken(3L)
fx.git(basedir, 'init', '-q')
fx.write(basedir, '.gitignore', 'local/\n')
fx.write(basedir, 'local/.npmrc', "//nexus.example.com/repository/npm/:_authToken=${token}\n")
fx.git(basedir, 'add', '-A')
return true
