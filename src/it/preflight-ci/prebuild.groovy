def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
fx.git(basedir, 'init', '-q')
fx.write(basedir, 'web/.npmrc', '@acme:registry=https://npm.acme.example/\n//npm.acme.example/:_authToken=${ACME_NPM_TOKEN}\n//registry.npmjs.org/:_authToken=${NPMRC_GUARD_IT_UNSET_TOKEN}\n')
fx.write(basedir, 'console/.yarnrc.yml', 'npmRegistryServer: "https://npm.acme.example/"\nnpmAuthToken: "${NPMRC_GUARD_IT_UNSET_TOKEN:-}"\n')
fx.git(basedir, 'add', '-A')
return true
