def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def log = new File(basedir, 'build.log').getText('UTF-8')
def hook = new File(basedir, '.husky/_/pre-commit')
def linked = new File(basedir, 'linked')
assert log.contains('[INFO] npmrc-guard: added the npmrc-guard check to the existing pre-commit hook ' + hook.canonicalPath)
assert hook.text.startsWith('#!/usr/bin/env sh\nif g=$(git rev-parse --git-common-dir) ')
assert hook.text.endsWith('. "$(dirname "$0")/h"\n')
// husky never ran in the linked worktree: its hooks folder had no pre-commit, so the install wrote one
assert log.contains('[INFO] npmrc-guard: installed the pre-commit hook ' + new File(linked, '.husky/_/pre-commit').canonicalPath)
assert log.count('npmrc-guard: wrote the hook script and its settings in ') == 1

def commit = { File dir, String path, String text ->
    fx.write(dir, path, text)
    fx.git(dir, 'add', '--', path)
    def cmd = ['git', '-c', 'user.name=it', '-c', 'user.email=it@example.invalid', 'commit', '-q', '-m', 'add ' + path]
    def p = new ProcessBuilder(cmd).directory(dir).redirectErrorStream(true).start()
    def out = p.inputStream.getText('UTF-8')
    [p.waitFor(), out]
}
def token = fx.npmToken(5L)
def line = { String path -> "${path}:1: literal npm access token (checksum valid) in //registry.npmjs.org/:_authToken [literal-credential] (fingerprint ${fx.fingerprint(token)})\n" }

[basedir, linked].each { dir ->
    def (exit, out) = commit(dir, 'app/.npmrc', "//registry.npmjs.org/:_authToken=${token}\n")
    fx.assertNoSecret(out, token, 'the refused commit')
    assert exit == 1: out
    assert out.startsWith('npmrc-guard: commit refused:\n' + line('app/.npmrc')): out
    assert !new File(dir, 'husky.log').exists()
}

// A placeholder commits, and husky's own hook still runs.
def (exit, out) = commit(basedir, 'app/.npmrc', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n')
assert exit == 0: out
assert new File(basedir, 'husky.log').text == 'husky-ran\n'
(exit, out) = commit(linked, 'app/.npmrc', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n')
assert exit == 0: out
return true
