def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] npmrc-guard: no Maven project to ask, so the modules are ' + basedir.canonicalPath + ' and each folder below it with a pom.xml')
// Both frontends found: the root's conventional frontend/ folder and the module's src/main/frontend.
assert log.contains('[INFO] npmrc-guard: frontend: npm (no lockfile)')
assert log.contains('[INFO] npmrc-guard: shop/src/main/frontend: npm (no lockfile); registries from its .npmrc')
def npmrc = new File(basedir, 'shop/src/main/frontend/.npmrc').getText('UTF-8')
assert npmrc.startsWith('@acme:registry=https://npm.acme.example/\n')
assert npmrc.contains('\n//npm.acme.example/:_authToken=${')
assert !log.contains('stale')
assert log.contains('[INFO] BUILD SUCCESS')
return true
