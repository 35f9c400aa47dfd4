def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def npm1 = fx.npmToken(71L), npm2 = fx.npmToken(72L), npm3 = fx.npmToken(73L), password = fx.opaqueToken(74L)
def old = fx.npmToken(75L)
def secrets = [npm1, npm2, npm3, password, password.bytes.encodeBase64().toString(), old,
               'npm_' + npmTokenBody, npmTokenBody + 'acme']
def log = new File(basedir, 'build.log').getText('UTF-8')

// All four goals ran, with debug output, and did their work.
assert log.contains('[DEBUG]')
assert log.contains('[ERROR] frontend/.npmrc:2: literal npm access token (checksum valid) in //npm.acme.example/:_authToken [literal-credential]')
assert log.contains("[ERROR] ") && log.contains("frontend/.npmrc:1: literal npm access token (checksum valid) in //registry.npmjs.org/:_authToken [literal-credential] (fingerprint ${fx.fingerprint(old)}")
assert log.contains('npmrc-guard: rewrote ')
assert log.contains('[INFO] npmrc-guard: installed the pre-commit hook ')
assert log.count('[INFO] BUILD SUCCESS') == 5

// Nothing printed or written holds a fragment of any secret: the log, the SARIF report, and every file the
// goals wrote (the project's config files as fix and generate left them, and the user config under target/).
secrets.each { fx.assertNoSecret(log, it, 'build.log') }
def sarif = new File(basedir, 'out/check.sarif')
assert sarif.isFile()
secrets.each { fx.assertNoSecret(sarif.getText('UTF-8'), it, 'out/check.sarif') }
def written = []
basedir.eachFileRecurse { f ->
    def rel = basedir.toPath().relativize(f.toPath()).toString()
    if (f.isFile() && !rel.startsWith('.git/') && rel != 'build.log' && !rel.endsWith('.groovy')) {
        written << rel
    }
}
assert written.contains('target/npmrc-guard/.npmrc')
// fix rewrote what it could; a secret it could not rewrite (the bunfig token, say) may stay in that file,
// but never in a file the plugin created.
['target/npmrc-guard/.npmrc', 'out/check.sarif'].each { rel ->
    secrets.each { fx.assertNoSecret(new File(basedir, rel).getText('UTF-8'), it, rel) }
}
// install-hook: the hook's script and the settings it copied from the pom
['.git/npmrc-guard/pre-commit', '.git/npmrc-guard/config.properties'].each { rel ->
    secrets.each { fx.assertNoSecret(new File(basedir, rel).getText('UTF-8'), it, rel) }
}
['frontend/.npmrc', '.yarnrc'].each { rel ->
    [npm1, npm2, password].each { fx.assertNoSecret(new File(basedir, rel).getText('UTF-8'), it, rel) }
}
return true
