// A .git file pointing to a folder that is gone (a linked worktree whose repository was moved).
def fx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, "Fixtures.groovy"))
fx.write(basedir, '.git', "gitdir: ${new File(basedir, 'moved-away').absolutePath}\n")
fx.write(basedir, 'web/.npmrc', 'registry=https://registry.npmjs.org/\n')
return true
