def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
fx.git(basedir, 'init', '-q')
return true
