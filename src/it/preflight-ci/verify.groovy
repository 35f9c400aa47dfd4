def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] web/.npmrc:2: ACME_NPM_TOKEN is set but empty, but this file reads it in //npm.acme.example/:_authToken [preflight-variable]')
assert log.contains('[ERROR] web/.npmrc:3: NPMRC_GUARD_IT_UNSET_TOKEN is not set, but this file reads it in //registry.npmjs.org/:_authToken [preflight-variable]')
assert log.contains('npmrc-guard: 2 placeholder variables not usable in this build: set them in the CI job\'s secrets, or turn the check off with npmrcguard.preflight=off.')
assert !log.contains('To fix: 1) revoke')
// The optional form that fix and generate write for yarn 2+ never fails a CI build.
assert !log.contains('console/.yarnrc.yml')
return true
