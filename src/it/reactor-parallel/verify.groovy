def log = new File(basedir, 'build.log').getText('UTF-8')
def root = basedir.canonicalPath
// Build 1 (-T 4, four projects) and build 2 (-pl b): each scans the work tree once.
assert log.count('npmrc-guard: scanning ' + root) == 2
assert log.count(root + ' already scanned by check in this build') == 3
assert log.count('[WARNING] b/src/main/frontend/.npmrc:2: key npm no longer uses in always-auth [deprecated-key]') == 2
assert log.count('[INFO] BUILD SUCCESS') == 2
return true
