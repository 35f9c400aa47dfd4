def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] npmrc-guard: 4 files checked, no committed credentials.')
assert !log.contains('[WARNING] frontend')
assert new File(basedir, 'target/npmrc-guard.sarif').isFile()
return true
