def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] npmrc-guard: check skipped (npmrcguard.check.skip=true)')
assert log.contains('[INFO] BUILD SUCCESS')
return true
