def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('npmrc-guard: scanning ' + new File(projectDir).canonicalPath)
assert !log.contains('[ERROR]')
assert log.contains('no committed credentials')
assert log.contains('[INFO] BUILD SUCCESS')
return true
