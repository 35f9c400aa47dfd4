def log = new File(basedir, 'build.log').getText('UTF-8')
def warnings = log.readLines().findAll { it.startsWith('[WARNING] npmrc-guard: ') }
assert warnings.size() == 1: "expected one warning, got: ${warnings}"
assert warnings[0].startsWith('[WARNING] npmrc-guard: git cannot open the repository: its .git is a file pointing to a missing folder, or a damaged folder (git says: fatal: not a git repository: ')
assert warnings[0].endsWith('); scanned every matching file under the root without git')
assert log.contains(' files checked, no committed credentials.')
assert log.contains('[INFO] BUILD SUCCESS')
return true
