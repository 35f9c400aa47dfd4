def log = new File(basedir, 'build.log').getText('UTF-8')
def text = { String p -> new File(basedir, p).getText('UTF-8') }
// npm: the project .npmrc with the scope's registry and a ${VAR} token line.
assert text('web-npm/.npmrc') == '@acme:registry=https://npm.acme.example/repository/npm-private/\n' +
    '//npm.acme.example/repository/npm-private/:_authToken=${ACME_NPM_TOKEN}\n'
// yarn 4: .yarnrc.yml with the unset-safe placeholder (yarn 2+ reads no .npmrc).
assert text('web-yarn/src/main/frontend/.yarnrc.yml') == 'npmScopes:\n  acme:\n' +
    '    npmRegistryServer: "https://npm.acme.example/repository/npm-private/"\n' +
    '    npmAuthToken: "${ACME_NPM_TOKEN:-}"\n'
// pnpm 10.34.2+: registry line in the project file, the token only in the user config under target/.
assert text('web-pnpm/frontend/.npmrc') == '@acme:registry=https://npm.acme.example/repository/npm-private/\n'
def userconfig = new File(basedir, 'web-pnpm/target/npmrc-guard/.npmrc')
assert userconfig.isFile()
assert !text('web-pnpm/frontend/.npmrc').contains('_authToken')
assert log.contains('[echo] NPM_CONFIG_USERCONFIG=' + userconfig.canonicalPath)
// First build: created; second build: nothing to do.
assert log.contains('[INFO] npmrc-guard: web-npm/.npmrc: created (+2 -0)')
assert log.contains('[INFO] npmrc-guard: web-yarn/src/main/frontend/.yarnrc.yml: created (+4 -0)')
assert log.contains('[INFO] npmrc-guard: web-pnpm/frontend/.npmrc: created (+1 -0)')
assert log.contains('[INFO] npmrc-guard: web-npm/.npmrc: unchanged')
assert log.contains('[INFO] npmrc-guard: web-yarn/src/main/frontend/.yarnrc.yml: unchanged')
assert log.contains('[INFO] npmrc-guard: web-pnpm/frontend/.npmrc: unchanged')
// check, bound after generate in validate, passes over what generate wrote and the four poms.
assert log.count('[INFO] npmrc-guard: 7 files checked, no committed credentials.') == 2
assert !log.contains('[ERROR]')
return true
