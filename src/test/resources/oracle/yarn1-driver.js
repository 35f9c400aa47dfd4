// Drives yarn 1's own config loader and registry request in one process. yarn 1 ships one webpack bundle
// that starts itself when loaded, so this compiles the bundle with that start switched off and its module
// loader exposed, then takes yarn's Config and NoopReporter. For each case (one JSON object a line on stdin:
// id, dir, spec, env) it loads the config in that folder with that environment, as `yarn info` does, and
// requests the packument through yarn's npm registry (whose request adds the auth), which reaches the
// recording registry. It prints {"id":…,"ok":true} or {"id":…,"error":"<code>"} (never a message).
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const Module = require('node:module')
const readline = require('node:readline')

const bundle = path.join(process.argv[2], 'lib', 'cli.js')
let src = fs.readFileSync(bundle, 'utf8')
const patch = (from, to) => {
  if (!src.includes(from)) throw new Error('not found in the yarn bundle: ' + from)
  src = src.replace(from, to)
}
patch('__webpack_require__.c = installedModules;', '__webpack_require__.c = installedModules; global.__yarnRequire = __webpack_require__;')
patch('if (__webpack_require__.c[__webpack_require__.s] === module) {\n  start()', 'if (false) {\n  start()')
src = src.replace(/^#!.*\n/, '')
const m = new Module(bundle, null)
m.filename = bundle
m.paths = Module._nodeModulePaths(path.dirname(bundle))
m._compile(src, bundle)
const req = global.__yarnRequire
const moduleWith = (text) => {
  const at = src.indexOf(text)
  if (at < 0) throw new Error('not found in the yarn bundle: ' + text)
  const ids = [...src.slice(0, at).matchAll(/\n\/\* (\d+) \*\/\n/g)]
  return req(Number(ids[ids.length - 1][1]))
}
const Config = moduleWith('  function Config(reporter) {').default
const NoopReporter = moduleWith('  function NoopReporter() {').default

async function one (c) {
  for (const k of Object.keys(process.env)) delete process.env[k]
  Object.assign(process.env, c.env)
  process.chdir(c.dir)
  const config = new Config(new NoopReporter())
  await config.init({ cwd: c.dir, nonInteractive: true })
  const NpmRegistry = config.registries.npm.constructor
  await config.registries.npm.request(NpmRegistry.escapeName(c.spec))
}

console.log = () => {}
console.warn = () => {}
console.error = () => {}
const rl = readline.createInterface({ input: process.stdin })
let chain = Promise.resolve()
rl.on('line', (line) => {
  chain = chain.then(async () => {
    const c = JSON.parse(line)
    let out
    try {
      await one(c)
      out = { id: c.id, ok: true }
    } catch (e) {
      out = { id: c.id, error: String(e.code || e.name || 'error') }
    }
    process.stdout.write(JSON.stringify(out) + '\n')
  })
})
rl.on('close', () => { chain.then(() => process.exit(0)) })
