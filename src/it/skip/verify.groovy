def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] npmrc-guard: skipped (npmrcguard.skip=true)')
assert !log.contains('npmrc-guard: scanning')
assert log.contains('[INFO] BUILD SUCCESS')
return true
