def log = new File(basedir, 'build.log').getText('UTF-8')
assert !log.contains('ClassCastException')
// Three user configs lack the token line; the log says so once per build, not once per module.
assert log.count('NPMRC_GUARD_IT_ACME_TOKEN is not set, so') == 1
assert log.contains('[INFO] npmrc-guard: web-a/target/npmrc-guard/.npmrc and 2 other user configs: NPMRC_GUARD_IT_ACME_TOKEN is not set, so //npm.acme.example/repository/npm-private/ gets no token line (requests to it go without credentials)')
// Under the preflight the same is one error, which fails the build.
assert log.count('NPMRC_GUARD_IT_ACME_TOKEN is not set, but the install needs it') == 1
assert log.contains('[ERROR] npmrc-guard: web-a/target/npmrc-guard/.npmrc and 2 other user configs: NPMRC_GUARD_IT_ACME_TOKEN is not set, but the install needs it for //npm.acme.example/repository/npm-private/; set it in the CI job\'s secrets (npmrcguard.preflight=off turns this check off)')
assert log.contains('npmrc-guard: generate found problems, listed above as errors: set the token variables the build needs.')
assert log.count('[INFO] BUILD SUCCESS') == 1
// No module runs a package manager in its build: how to hand over the user configs is said once per build too.
assert log.count('only when NPM_CONFIG_USERCONFIG points at it') == 2
assert log.contains('[INFO] npmrc-guard: pnpm in web-a/src/main/frontend, pnpm in web-b/src/main/frontend and yarn 1 in web-c/src/main/frontend read their tokens from npmrc-guard/.npmrc in their module\'s build folder only when NPM_CONFIG_USERCONFIG points at it; their poms run no frontend-maven-plugin or exec-maven-plugin package manager, so set NPM_CONFIG_USERCONFIG to that file wherever each install runs (the build sets its path as ${npmrcguard.userconfig.file})')
for (m in ['web-a', 'web-b', 'web-c']) {
    def userconfig = new File(basedir, m + '/target/npmrc-guard/.npmrc').getText('UTF-8')
    assert userconfig.contains('# NPMRC_GUARD_IT_ACME_TOKEN is not set: no token line for //npm.acme.example/repository/npm-private/')
}
return true
