def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
fx.git(basedir, 'init', '-q')
def a = fx.opaqueToken(11L), b = fx.opaqueToken(12L), c = fx.opaqueToken(13L)
fx.write(basedir, '.npmrc', "# npmrc-guard:allow read-only token of the public mirror\n//mirror.example.com/:_authToken=${a}\n//b.example.com/:_authToken=${b}\n//c.example.com/:_authToken=${c}\n")
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('FP_B', fx.fingerprint(b)).replace('FP_C', fx.fingerprint(c))
fx.git(basedir, 'add', '-A')
return true
