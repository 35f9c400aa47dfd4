def log = new File(basedir, 'build.log').getText('UTF-8')
assert !new File(basedir, 'src/main/frontend/.npmrc').exists(): 'no project file is written in CI'
assert log.contains('[ERROR] npmrc-guard: src/main/frontend/.npmrc is not up to date (it does not exist). CI is set, so generate does not write project files: run mvn npmrc-guard:generate locally and commit the change')
assert log.contains('npmrc-guard: generate found problems, listed above as errors: commit what mvn npmrc-guard:generate writes.')
return true
