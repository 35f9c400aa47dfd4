def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
fx.write(basedir, 'tools/.npmrc', '@acme:registry=https://npm.acme.example/repository/npm-private/\n' +
    "//npm.acme.example/repository/npm-private/:_authToken=${fx.opaqueToken(15L)}\n")
return true
