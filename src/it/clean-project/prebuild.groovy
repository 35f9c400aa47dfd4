def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
fx.git(basedir, 'init', '-q')
fx.write(basedir, 'frontend/.npmrc', '; the token comes from CI\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n@acme:registry=https://npm.pkg.github.com/\n//npm.pkg.github.com/:_authToken="${GH_TOKEN}"\n')
fx.write(basedir, 'app/.yarnrc.yml', 'npmScopes:\n  acme:\n    npmAuthToken: "${NPM_TOKEN:-}"\n')
fx.write(basedir, 'bun/bunfig.toml', '[install.scopes]\nacme = { token = "$NPM_TOKEN", url = "https://npm.pkg.github.com/" }\n')
fx.git(basedir, 'add', '-A')
return true
