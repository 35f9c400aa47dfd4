def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
def token = 'npm' + '_' + npmTokenBody
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[WARNING] pom.xml:19: token passed by reference: mvn -X prints it resolved; let the process inherit it from the environment instead in frontend-maven-plugin environmentVariables/NPM_TOKEN [pom-token-in-plugin-config]')
assert log.contains('[INFO] BUILD SUCCESS')
assert !log.contains('[ERROR]')
fx.assertNoSecret(log, token, 'build.log')
fx.assertNoSecret(new File(basedir, 'target/npmrc-guard.sarif').getText('UTF-8'), token, 'SARIF')
return true
