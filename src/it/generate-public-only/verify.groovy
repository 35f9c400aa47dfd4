def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
assert !log.contains('[ERROR]') && !log.contains('[WARNING] npmrc-guard'): 'nothing to fix in a public-only project'
assert !new File(basedir, 'web-npm/src/main/frontend/.npmrc').exists(): 'no registry or token line for the public registry'
assert new File(basedir, 'web-yarn/.yarnrc.yml').getText('UTF-8') == 'nodeLinker: node-modules\n': 'yarn 4 keeps its own default registry'
assert log.contains('[INFO] npmrc-guard: web-npm/src/main/frontend: npm (package-lock.json); no registry configured or declared in its files, so no registry or token line is written')
assert log.contains('[INFO] npmrc-guard: web-yarn: yarn 4.18.1 (packageManager field); no registry configured or declared in its files, so no registry or token line is written')
return true
