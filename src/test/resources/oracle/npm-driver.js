// Drives npm's own config loader and registry fetch, from npm's installation folder, in one process:
// for each case (one JSON object a line on stdin: id, dir, spec, env), load the config as npm does in
// that folder with that environment, validate it as every npm command does, and fetch the packument as
// `npm view` does. The request itself reaches the recording registry, which is the truth; this prints
// one line per case: {"id":…,"ok":true} or {"id":…,"error":"<code>"} (never a message: it may hold a value).
'use strict'
const path = require('node:path')
const readline = require('node:readline')
const npmRoot = process.argv[2]
const req = (m) => require(path.join(npmRoot, 'node_modules', m))
const Config = req('@npmcli/config')
const { definitions, flatten, nerfDarts, shorthands } = req('@npmcli/config/lib/definitions')
const pacote = req('pacote')
const npa = req('npm-package-arg')
process.on('log', () => {})

async function one (c) {
  const env = c.env
  const config = new Config({
    npmPath: npmRoot, definitions, flatten, nerfDarts, shorthands,
    argv: [process.execPath, path.join(npmRoot, 'bin/npm-cli.js'), 'view', c.spec, 'name'],
    env, cwd: c.dir, execPath: process.execPath, platform: process.platform, warn: false,
  })
  await config.load()
  config.validate()
  await pacote.packument(npa(c.spec), { ...config.flat, preferOnline: true, fullMetadata: true, _isRoot: true })
}

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
