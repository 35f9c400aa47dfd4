def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def token = fx.opaqueToken(7L)
def stored = token.bytes.encodeBase64().toString()
def log = new File(basedir, 'build.log').getText('UTF-8')
def expected = "[ERROR] web/.npmrc:1: literal base64 password in //npm.example.com/:_auth [literal-credential] (fingerprint ${fx.fingerprint(stored)})"
assert log.contains(expected): "missing line: " + expected
assert !log.contains('node_modules')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'out/report.sarif'))
def result = sarif.runs[0].results.find { it.ruleId == 'literal-credential' }
assert result.level == 'error'
assert result.locations[0].physicalLocation.artifactLocation.uri == 'web/.npmrc'
assert result.locations[0].physicalLocation.region.startLine == 1
def sarifText = new File(basedir, 'out/report.sarif').getText('UTF-8')
[token, stored].each { fx.assertNoSecret(log, it, 'build.log'); fx.assertNoSecret(sarifText, it, 'SARIF') }
return true
