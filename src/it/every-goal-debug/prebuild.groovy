// Committed secrets in every format the plugin reads, generated here (never committed to this repository).
def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def npm1 = fx.npmToken(71L), npm2 = fx.npmToken(72L), npm3 = fx.npmToken(73L), password = fx.opaqueToken(74L)
def old = fx.npmToken(75L)
fx.git(basedir, 'init', '-q')
fx.write(basedir, '.gitignore', 'target/\nbuild.log\nout/\n')
fx.write(basedir, 'frontend/package.json', '{"name": "web", "version": "1.0.0", "private": true}\n')
// In the history only: committed, then replaced by a placeholder.
fx.write(basedir, 'frontend/.npmrc', "//registry.npmjs.org/:_authToken=${old}\n")
fx.git(basedir, 'add', '-A')
fx.git(basedir, 'commit', '-qm', 'first config')
fx.write(basedir, 'frontend/.npmrc', "@acme:registry=https://npm.acme.example/\n" +
    "//npm.acme.example/:_authToken=${npm1}\n" +
    "//registry.npmjs.org/:_password=${password.bytes.encodeBase64()}\n" +
    "//registry.npmjs.org/:username=ci\n")
fx.write(basedir, '.yarnrc', "\"//registry.npmjs.org/:_authToken\" \"${npm2}\"\n")
fx.write(basedir, '.yarnrc.yml', "npmAuthToken: \"${npm3}\"\n")
fx.write(basedir, 'bunfig.toml', "[install]\nregistry = { url = \"https://registry.npmjs.org/\", token = \"${npm1}\" }\n")
fx.git(basedir, 'add', '-A')
fx.git(basedir, 'commit', '-qm', 'more config')
return true
