def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] web/.npmrc:2: ACME_NPM_TOKEN is set but empty, but this file names it in //npm.acme.example/:_authToken [preflight-variable] (pnpm, this frontend\'s package manager, reads this file)')
assert log.contains('[ERROR] web/.npmrc:3: NPMRC_GUARD_IT_UNSET_TOKEN is not set, but this file names it in //registry.npmjs.org/:_authToken [preflight-variable] (pnpm, this frontend\'s package manager, reads this file)')
// The same variable in a file the frontend's package manager does not read: a warning of its own.
assert log.contains('[WARNING] admin/.yarnrc.yml:2: NPMRC_GUARD_IT_UNSET_TOKEN is not set, but this file names it in npmAuthToken [preflight-variable] (npm, this frontend\'s package manager, does not read this file)')
assert log.count('[preflight-variable]') == 3
assert log.contains('npmrc-guard: 2 placeholder variables not usable in this build: set them in the CI job\'s secrets, or turn the check off with npmrcguard.preflight=off.')
assert !log.contains('To fix: 1) revoke')
// The optional form that fix and generate write for yarn 2+ never fails a CI build.
assert !log.contains('console/.yarnrc.yml')
return true
