def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.count('npmrc-guard: scanning ') == 1
assert log.count('already scanned by check in this build') == 3
assert log.count('[WARNING] b/src/main/frontend/.npmrc:2: key npm no longer uses in always-auth [deprecated-key]') == 1
assert log.contains('[INFO] BUILD SUCCESS')
return true
