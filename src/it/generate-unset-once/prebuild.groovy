def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
fx.git(basedir, 'init', '-q')
fx.write(basedir, '.gitignore', 'target/\n')
fx.git(basedir, 'add', '-A')
return true
