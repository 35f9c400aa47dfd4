def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
fx.git(basedir, 'init', '-q')
fx.write(basedir, '.npmrc', 'registry=https://registry.npmjs.org/\n')
fx.write(basedir, 'web/.npmrc', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n')
fx.write(basedir, 'web/package.json', '{"name": "web", "private": true}\n')
fx.git(basedir, 'add', '-A')
return true
