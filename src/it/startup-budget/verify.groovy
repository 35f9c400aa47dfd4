// The check path's start-up budget (CONTRIBUTING.md, "Start-up"): a build's JVM is cold, so every class the
// plugin loads and every lambda it spins is paid on every build. This holds a clean check of an .npmrc-only
// tree to what it loads today plus a margin; raise PLUGIN_CLASSES only with a bench run that shows the cost.
final int PLUGIN_CLASSES = 170

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('no committed credentials')
def loads = log.readLines().findAll { it.contains('[class,load] ') }
assert loads.size() > 1000 : 'no class-load log: did invoker.mavenOpts reach the JVM?'
def fromPlugin = loads.findAll { it.contains('/npmrc-guard-maven-plugin-') }
def spun = loads.findAll { it =~ '\\] io\\.github\\.npmrcguard\\.\\S*\\$\\$Lambda' }
def parsers = loads.findAll { it =~ /\] (org\.snakeyaml|org\.tomlj|com\.sun\.xml\.internal\.stream|javax\.xml\.stream\.XMLInputFactory|io\.github\.npmrcguard\.parse\.(YarnrcYmlParser|BunfigTomlParser|YarnrcParser))/ }
def names = { List l -> l.collect { (it =~ /\] (\S+)/)[0][1] }.join('\n  ') }
println "startup-budget: ${fromPlugin.size()} plugin classes loaded (budget ${PLUGIN_CLASSES}), ${spun.size()} lambdas spun"
assert fromPlugin.size() >= 50 : "too few plugin classes counted (${fromPlugin.size()}): is the jar's name still npmrc-guard-maven-plugin-*?"
assert fromPlugin.size() <= PLUGIN_CLASSES : "the check path loads ${fromPlugin.size()} plugin classes, over its budget of ${PLUGIN_CLASSES}:\n  " + names(fromPlugin)
assert spun.isEmpty() : "the check path spins lambdas (each is a class generated and linked in a cold JVM): use a class:\n  " + names(spun)
assert parsers.isEmpty() : "an .npmrc-only tree loads parsers it has no file for:\n  " + names(parsers)
return true
