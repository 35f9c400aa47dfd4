def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
fx.git(basedir, 'init', '-q')
fx.write(basedir, 'frontend/.npmrc', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n')
fx.git(basedir, 'add', '-A')
return true
