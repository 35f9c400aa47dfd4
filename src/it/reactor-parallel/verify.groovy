def log = new File(basedir, 'build.log').getText('UTF-8')
def root = basedir.canonicalPath
// Build 1 (-T 4, four projects) and build 2 (-pl b): each scans the work tree once.
assert log.count('npmrc-guard: scanning ' + root) == 2
// The modules that skip the scan say so only at DEBUG level.
assert !log.contains('already scanned')
assert log.count('[WARNING] b/src/main/frontend/.npmrc:2: key npm no longer uses in always-auth [deprecated-key]') == 2
// Under -pl b too, the SARIF report goes to the execution root's target/, where CI reads it.
assert log.count('[INFO] npmrc-guard: SARIF report written to ' + root + '/target/npmrc-guard.sarif') == 2
assert !new File(basedir, 'b/target/npmrc-guard.sarif').exists()
assert log.count('[INFO] BUILD SUCCESS') == 2
return true
