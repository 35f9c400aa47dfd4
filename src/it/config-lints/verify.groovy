def log = new File(basedir, 'build.log').getText('UTF-8')
[
  '[WARNING] app/src/main/resources/static/.npmrc:1: file inside a folder Maven packages into the artifact [packaged-config]',
  '[WARNING] pnpm-app/.npmrc:1: ${VAR?} placeholder, which pnpm rejects in //registry.npmjs.org/:_authToken [optional-placeholder]',
  '[WARNING] web/.npmrc:1: not read by npm or pnpm: the frontend in web/src/main/frontend reads web/src/main/frontend/.npmrc [unread-config]',
  '[WARNING] web/src/main/frontend/.npmrc:2: auth key without a registry (npm 9+ refuses it; scope it as //npm.acme.example/npm/:_authToken) in _authToken [unscoped-auth]',
  '[WARNING] web/src/main/frontend/.npmrc:3: key npm no longer uses in always-auth [deprecated-key]',
  '[WARNING] web/src/main/frontend/.npmrc:5: auth key for a registry this file does not use in //other.example/:_authToken [auth-without-registry]',
  '[WARNING] web/src/main/frontend/.npmrc:6: registry with no auth line in a file that has auth lines in @beta:registry [registry-without-auth]',
].each { assert log.contains(it): 'missing: ' + it }
assert log.contains('no committed credentials (7 warnings).')
assert log.contains('[INFO] BUILD SUCCESS')
return true
