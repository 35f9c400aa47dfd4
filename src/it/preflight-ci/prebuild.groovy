def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
fx.git(basedir, 'init', '-q')
fx.write(basedir, 'web/package.json', '{"name":"web","packageManager":"pnpm@10.34.9"}\n')
fx.write(basedir, 'web/.npmrc', '@acme:registry=https://npm.acme.example/\n//npm.acme.example/:_authToken=${ACME_NPM_TOKEN}\n//registry.npmjs.org/:_authToken=${NPMRC_GUARD_IT_UNSET_TOKEN}\n')
fx.write(basedir, 'console/.yarnrc.yml', 'npmRegistryServer: "https://npm.acme.example/"\nnpmAuthToken: "${NPMRC_GUARD_IT_UNSET_TOKEN:-}"\n')
// A leftover .yarnrc.yml in an npm frontend: npm never reads it, so its variable cannot fail the build.
fx.write(basedir, 'admin/package.json', '{"name":"admin"}\n')
fx.write(basedir, 'admin/package-lock.json', '{"name":"admin","lockfileVersion":3}\n')
fx.write(basedir, 'admin/.yarnrc.yml', 'npmRegistryServer: "https://npm.acme.example/"\nnpmAuthToken: "${NPMRC_GUARD_IT_UNSET_TOKEN}"\n')
fx.git(basedir, 'add', '-A')
return true
