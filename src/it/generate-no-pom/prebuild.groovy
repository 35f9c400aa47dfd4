def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
fx.write(basedir, 'frontend/package.json', '{ "name": "ui", "private": true }\n')
fx.write(basedir, 'shop/pom.xml', '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
    + '<parent><groupId>example.unreachable</groupId><artifactId>corporate-parent</artifactId><version>9</version></parent>'
    + '<artifactId>shop</artifactId></project>\n')
fx.write(basedir, 'shop/src/main/frontend/package.json', '{ "name": "shop", "private": true, "dependencies": { "@acme/ui": "1.0.0" } }\n')
fx.write(basedir, 'shop/src/main/frontend/.npmrc', '@acme:registry=https://npm.acme.example/\n')
fx.write(basedir, 'shop/target/stale/package.json', '{ "name": "stale" }\n')
return true
