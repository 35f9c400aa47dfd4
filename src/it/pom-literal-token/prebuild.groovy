def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def token = fx.npmToken(51L)
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('<NPM_TOKEN>changeme</NPM_TOKEN>', '<NPM_TOKEN>' + token + '</NPM_TOKEN>')
fx.git(basedir, 'init', '-q')
fx.write(basedir, '.gitignore', 'target/\nbuild.log\n')
fx.git(basedir, 'add', '-A')
return true
