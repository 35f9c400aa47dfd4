def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
fx.git(basedir, 'init', '-q')
fx.write(basedir, '.gitignore', 'target/\nbuild.log\n')
// A module folder whose frontend is below: its own .npmrc is read by nobody.
fx.write(basedir, 'web/.npmrc', 'registry=https://npm.acme.example/npm/\n')
fx.write(basedir, 'web/src/main/frontend/package.json', '{ "name": "web", "private": true }\n')
fx.write(basedir, 'web/src/main/frontend/.npmrc', [
    'registry=https://npm.acme.example/npm/',
    '_authToken=${NPM_TOKEN}',
    'always-auth=true',
    '//npm.acme.example/npm/:_authToken=${ACME_TOKEN}',
    '//other.example/:_authToken=${OTHER_TOKEN}',
    '@beta:registry=https://npm.beta.example/',
    ''].join('\n'))
fx.write(basedir, 'pnpm-app/package.json', '{ "name": "pnpm-app", "private": true, "packageManager": "pnpm@10.34.9" }\n')
fx.write(basedir, 'pnpm-app/.npmrc', '//registry.npmjs.org/:_authToken=${NPM_TOKEN?}\n')
fx.write(basedir, 'app/src/main/resources/static/.npmrc', 'registry=https://registry.npmjs.org/\n')
fx.git(basedir, 'add', '-A')
return true
