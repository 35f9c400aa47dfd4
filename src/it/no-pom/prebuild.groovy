def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def token = fx.opaqueToken(7L)
fx.write(basedir, 'web/.npmrc', "//npm.example.com/:_auth=${token.bytes.encodeBase64()}\n")
fx.write(basedir, 'node_modules/pkg/.npmrc', "//registry.npmjs.org/:_authToken=${fx.npmToken(8L)}\n")
return true
