// Drives pnpm's own config loader and auth-header function in one process. pnpm ships one bundle with no
// exports, so this compiles the bundle with its command dispatch switched off and takes three of its
// modules: the CLI's getConfig (the one `pnpm install` calls), createGetAuthHeaderByURI and
// pickRegistryForPackage. For each case (one JSON object a line on stdin: id, dir, spec, env) it loads the
// config in that folder with that environment, picks the registry as the resolver does, asks for the header
// as the resolver does (by the registry URL) and sends the packument request with it to the recording
// registry. It prints {"id":…,"ok":true} or {"id":…,"error":"<code>"} (never a message: it may hold a value).
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const Module = require('node:module')
const readline = require('node:readline')

const bundle = path.join(process.argv[2], 'dist', 'pnpm.cjs')
let src = fs.readFileSync(bundle, 'utf8')
const moduleVar = (file) => {
  const m = new RegExp('var (require_[A-Za-z0-9_$]+) = __commonJS\\(\\{\\n  "' + file.replace(/[./]/g, '\\$&') + '"').exec(src)
  if (!m) throw new Error('module not found in the pnpm bundle: ' + file)
  return m[1]
}
const getConfigVar = moduleVar('../cli/cli-utils/lib/getConfig.js')
const authVar = moduleVar('../network/auth-header/lib/index.js')
const pickVar = moduleVar('../config/pick-registry-for-package/lib/index.js')
const dispatch = 'var argv = process.argv.slice(2);\n(async () => {'
if (!src.includes(dispatch)) throw new Error('the pnpm bundle\'s command dispatch was not found')
src = src.replace(dispatch, 'var argv = process.argv.slice(2);\nglobal.__pnpmOracle = { getConfig: ' + getConfigVar +
  '().getConfig, auth: ' + authVar + '(), pick: ' + pickVar + '() };\nif (false) (async () => {')
const m = new Module(bundle, null)
m.filename = bundle
m.paths = Module._nodeModulePaths(path.dirname(bundle))
process.argv = [process.argv[0], bundle]
m._compile(src, bundle)
const { getConfig, auth, pick } = global.__pnpmOracle

async function one (c) {
  for (const k of Object.keys(process.env)) delete process.env[k]
  Object.assign(process.env, c.env)
  process.chdir(c.dir)
  const config = await getConfig({}, {
    excludeReporter: false, globalDirShouldAllowWrite: true, rcOptionsTypes: {}, workspaceDir: undefined,
    checkUnknownSetting: false, ignoreNonAuthSettingsFromLocal: false,
  })
  const registry = pick.pickRegistryForPackage(config.registries, c.spec)
  const header = auth.createGetAuthHeaderByURI({ allSettings: config.rawConfig, userSettings: config.userConfig })(registry)
  const url = new URL(c.spec.replace('/', '%2f'), registry.endsWith('/') ? registry : registry + '/')
  const res = await fetch(url, { headers: header ? { authorization: header } : {} })
  await res.arrayBuffer()
}

const origWarn = console.warn
console.warn = () => {}
console.log = () => {}
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
rl.on('close', () => { chain.then(() => { origWarn.call(console, ''); process.exit(0) }) })
