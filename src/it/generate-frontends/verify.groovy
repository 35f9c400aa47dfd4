def log = new File(basedir, 'build.log').getText('UTF-8')
def text = { String p -> new File(basedir, p).getText('UTF-8') }
def acme = '@acme:registry=https://npm.acme.example/repository/npm-private/\n'
def npmLines = acme + '//npm.acme.example/repository/npm-private/:_authToken=${ACME_NPM_TOKEN}\n'

// Quinoa: quarkus.quinoa.ui-dir names src/main/ui-admin, not the default src/main/webui.
assert text('quinoa-app/src/main/ui-admin/.npmrc') == npmLines
assert !new File(basedir, 'quinoa-app/src/main/webui').exists()
assert !new File(basedir, 'quinoa-app/.npmrc').exists()

// A folder that is no Maven module, named in <frontends>; a named folder without package.json is a warning.
assert text('ui/.npmrc') == npmLines
assert log.contains('[WARNING] npmrc-guard: <frontends> names admin-console, which holds no package.json\n')

// frontend-maven-plugin's per-execution workingDirectory: pnpm, registry line only, token in the user config.
assert text('web/src/main/client/.npmrc') == acme
assert text('web/target/npmrc-guard/.npmrc').contains('//npm.acme.example/repository/npm-private/:_authToken=${ACME_NPM_TOKEN}\n')
assert !new File(basedir, 'web/.npmrc').exists()

// A workingDirectory under target/ is build output: no warning, nothing written there.
assert log.contains('[INFO] npmrc-guard: workingDirectory web/target/frontend-dist is under the build folder: build output, not configured\n')
assert !log.contains('[WARNING] npmrc-guard: workingDirectory')
assert !new File(basedir, 'web/target/frontend-dist').exists()

// The wiring hint, with the exact XML, for the module whose build does not point at its user config...
assert log.contains('[WARNING] npmrc-guard: pnpm in web/src/main/client reads its token from web/target/npmrc-guard/.npmrc'
        + ' only when NPM_CONFIG_USERCONFIG points at it; in web/pom.xml add to the <configuration> of'
        + ' frontend-maven-plugin\'s execution "pnpm-install":\n'
        + '  <environmentVariables>\n'
        + '    <NPM_CONFIG_USERCONFIG>${npmrcguard.userconfig.file}</NPM_CONFIG_USERCONFIG>\n'
        + '  </environmentVariables>\n')
// ...and none for the yarn 1 module whose exec-maven-plugin run already does.
assert text('admin/frontend-src/.npmrc') == acme
assert text('admin/target/npmrc-guard/.npmrc').contains(':_authToken=${ACME_NPM_TOKEN}\n')
assert !log.contains('yarn 1 in admin/frontend-src reads its token')
assert log.count('NPM_CONFIG_USERCONFIG points at it') == 1

// Vaadin: no package.json committed; its build writes one next to the pom, so the config goes there.
assert log.contains('[INFO] npmrc-guard: shop: the Vaadin build writes package.json here, next to pom.xml, and runs its'
        + ' package manager here; the config goes next to it\n')
assert text('shop/.npmrc') == npmLines
assert !new File(basedir, 'shop/src/main/frontend/.npmrc').exists()

// check, bound after generate, warns about the pom that does not hand the user config over, and only that one.
assert log.contains('[WARNING] web/pom.xml:12: pnpm in src/main/client has its tokens in target/npmrc-guard/.npmrc,'
        + ' but this build does not set NPM_CONFIG_USERCONFIG to it; add <environmentVariables>'
        + '<NPM_CONFIG_USERCONFIG>${npmrcguard.userconfig.file}</NPM_CONFIG_USERCONFIG></environmentVariables>'
        + ' [userconfig-not-wired]\n')
assert log.count('[userconfig-not-wired]') == 1
assert log.contains('no committed credentials (1 warning).')
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')
return true
