def log = new File(basedir, 'build.log').getText('UTF-8')
assert !log.contains('packaged-config')
assert log.contains('[INFO] npmrc-guard: 3 files checked, no committed credentials.')
def sarif = new File(basedir, 'target/npmrc-guard.sarif').getText('UTF-8')
assert !sarif.contains('"ruleId": "packaged-config"') && !sarif.contains('"ruleId":"packaged-config"')
assert log.contains('[INFO] BUILD SUCCESS')
return true
