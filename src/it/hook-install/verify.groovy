def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] npmrc-guard: added the npmrc-guard check to the existing pre-commit hook ')
assert new File(basedir, '.git/hooks/pre-commit').text.startsWith('#!/bin/sh\nif g=$(git rev-parse --git-common-dir) ')

def commit = { String path, String text ->
    fx.write(basedir, path, text)
    fx.git(basedir, 'add', '--', path)
    def cmd = ['git', '-c', 'user.name=it', '-c', 'user.email=it@example.invalid', 'commit', '-q', '-m', "add ${path}"]
    def p = new ProcessBuilder(cmd*.toString()).directory(basedir).redirectErrorStream(true).start()
    def out = p.inputStream.getText('UTF-8')
    [p.waitFor(), out]
}
def token = fx.npmToken(1L)
def husky = new File(basedir, 'husky.log')

// A literal token is refused with check's line, and the commit is not made.
def (exit, out) = commit('web/.npmrc', "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${token}\n")
fx.assertNoSecret(out, token, 'the refused commit')
assert exit == 1: out
assert out.contains('npmrc-guard: commit refused:\n'
        + "web/.npmrc:2: literal npm access token (checksum valid) in //registry.npmjs.org/:_authToken [literal-credential] (fingerprint ${fx.fingerprint(token)})\n"): out
assert out.contains('run mvn npmrc-guard:fix'): out
assert out.contains("Then stage the changed files (git add 'web/.npmrc') and commit again."): out
assert !husky.exists(): 'the existing hook ran after a refusal'

// A placeholder commits, and the existing hook still runs.
(exit, out) = commit('web/.npmrc', 'registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n')
assert exit == 0: out
assert out == '': out
assert husky.text == 'husky-ran\n'

// An allow comment, an allowlist entry and an excluded folder pass, as in check.
(exit, out) = commit('docs/.npmrc', "# npmrc-guard:allow a revoked token, shown in the docs\n//registry.npmjs.org/:_authToken=${token}\n")
assert exit == 0: out
def allowed = fx.npmToken(2L)
(exit, out) = commit('ci/.npmrc', "//registry.npmjs.org/:_authToken=${allowed}\n")
assert exit == 0: out
(exit, out) = commit('fixtures/.npmrc', "//registry.npmjs.org/:_authToken=${token}\n")
assert exit == 0: out
fx.assertNoSecret(out, token, 'the excluded commit')
return true
