def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def a = fx.npmToken(21L), b = fx.opaqueToken(22L)
fx.git(basedir, 'init', '-q')
new File(basedir, '.npmrc').setBytes(("; shared registry config\r\nregistry=https://registry.npmjs.org/\r\n" +
    "//registry.npmjs.org/:_authToken = ${a}  # CI token\r\n" +
    "@acme:registry=https://npm.acme.example/repository/npm/\r\n" +
    "//npm.acme.example/repository/npm/:_authToken=\"${b}\"\r\n").getBytes('UTF-8'))
fx.git(basedir, 'add', '-A')
return true
