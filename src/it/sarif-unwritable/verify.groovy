def log = new File(basedir, 'build.log').getText('UTF-8')
def pom = new File(basedir, 'pom.xml').absolutePath
// The findings are logged before the report's failure is (the report is written while they are).
assert log.contains('[INFO] npmrc-guard: scanning ')
assert log.contains("[ERROR] Failed to execute goal io.github.npmrcguard:npmrc-guard-maven-plugin:")
assert log.contains(": npmrc-guard could not write the SARIF report to ${pom}/report.sarif: ${pom}."
        + " Set npmrcguard.sarif to a writable file. -> [Help 1]")
assert !log.contains('files checked')
assert new File(pom).isFile() // untouched
return true
