def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
fx.write(basedir, 'web/package.json', '{ "name": "web", "private": true }\n')
fx.write(basedir, 'web/.npmrc', "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${fx.npmToken(21L)}\n")
fx.write(basedir, '.gitignore', 'target/\n')
fx.git(basedir, 'init', '-q')
fx.git(basedir, 'add', '-A')
return true
