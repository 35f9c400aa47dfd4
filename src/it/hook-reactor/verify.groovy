def log = new File(basedir, 'build.log').getText('UTF-8')
def hooks = new File(basedir, '.git/hooks').canonicalPath
assert log.count('[INFO] npmrc-guard: installed the pre-commit hook ' + hooks + '/pre-commit') == 1
assert log.count('[INFO] npmrc-guard: wrote the hook script and its settings in ') == 1
assert log.count('npmrc-guard: installed') == 1
assert log.count('[INFO] BUILD SUCCESS') == 3
assert new File(basedir, '.git/hooks/pre-commit').canExecute()
def script = new File(basedir, '.git/npmrc-guard/pre-commit').text
assert script.contains("# npmrc-guard-maven-plugin ${pluginVersion}: ")
assert script.contains('/local-repo/io/github/npmrcguard/npmrc-guard-maven-plugin/')
// the class archive the hook's JVM maps, made at install time from the plugin's jars
assert new File(basedir, '.git/npmrc-guard/classes.jsa').length() > 0
return true
