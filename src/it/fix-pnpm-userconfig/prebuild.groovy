def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def a = fx.opaqueToken(47L)
fx.git(basedir, 'init', '-q')
fx.write(basedir, '.gitignore', 'target/\nbuild.log\n')
fx.write(basedir, 'web/package.json', '{"name":"web","version":"1.0.0","packageManager":"pnpm@10.34.9"}\n')
fx.write(basedir, 'web/.npmrc', "@acme:registry=https://npm.acme.example/repository/npm-private/\n"
        + "//npm.acme.example/repository/npm-private/:_authToken=${a}\n")
fx.git(basedir, 'add', '-A')
return true
