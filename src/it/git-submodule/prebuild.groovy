// A token committed in a checked-out submodule counts as committed, reported under the submodule's folder.
def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def token = fx.npmToken(61L)
def origin = new File(basedir.parentFile, basedir.name + '-ui-origin')
origin.deleteDir()
origin.mkdirs()
fx.git(origin, 'init', '-q')
fx.write(origin, '.npmrc', "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${token}\n")
fx.git(origin, 'add', '-A')
fx.git(origin, 'commit', '-qm', 'ui')
fx.git(basedir, 'init', '-q')
fx.git(basedir, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', origin.absolutePath, 'libs/ui')
return true
