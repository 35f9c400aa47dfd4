// Test oracle: runs the real npm code on inputs from NodeDifferentialTest.
//   node node-oracle.js ini <path to npm's bundled ini> <cases file>
//     each case line is the hex of the UTF-16 code units of one file's text; prints one "C..." line per
//     case: the flattened ini.decode() result, or "CERROR" when decode throws.
//   node node-oracle.js utf8 <cases file>
//     each case line is the hex of some bytes; prints "C" + hex of Buffer.toString('utf8') code units.
//   node node-oracle.js number <cases file>
//     each case line is the hex of a double's bits; prints "C" + String(number).
// Everything goes through hex so that no character (lone surrogates, line separators) is lost on the way.
'use strict'
const fs = require('fs')

const hexToText = h => {
  let s = ''
  for (let i = 0; i < h.length; i += 4) s += String.fromCharCode(parseInt(h.substr(i, 4), 16))
  return s
}
const textToHex = s => {
  let o = ''
  for (let i = 0; i < s.length; i++) o += s.charCodeAt(i).toString(16).padStart(4, '0')
  return o
}
const kind = v => (v === null ? 'null' : typeof v)
const readCases = file => fs.readFileSync(file, 'latin1').split('\n').filter(l => l.startsWith('C')).map(l => l.slice(1))

const out = []
if (process.argv[2] === 'ini') {
  const ini = require(process.argv[3])
  for (const c of readCases(process.argv[4])) {
    let decoded
    try {
      decoded = ini.decode(hexToText(c))
    } catch (e) {
      out.push('CERROR')
      continue
    }
    const entries = []
    const walk = (o, path) => {
      for (const k of Object.keys(o)) {
        const v = o[k]
        const p = path.concat([textToHex(k)])
        if (Array.isArray(v)) {
          v.forEach((e, i) => entries.push(`${p.join('.')} ${i} ${kind(e)} ${textToHex(String(e))}`))
        } else if (v !== null && typeof v === 'object') {
          walk(v, p)
        } else {
          entries.push(`${p.join('.')} -1 ${kind(v)} ${textToHex(String(v))}`)
        }
      }
    }
    walk(decoded, [])
    out.push('C' + entries.join('|'))
  }
} else if (process.argv[2] === 'utf8') {
  for (const c of readCases(process.argv[3])) {
    out.push('C' + textToHex(Buffer.from(c, 'hex').toString('utf8')))
  }
} else if (process.argv[2] === 'number') {
  // each case line is the hex of an IEEE 754 double's bits; prints "C" + String(number)
  for (const c of readCases(process.argv[3])) {
    const view = new DataView(new ArrayBuffer(8))
    view.setBigUint64(0, BigInt('0x' + c))
    out.push('C' + String(view.getFloat64(0)))
  }
} else {
  throw new Error('unknown mode')
}
process.stdout.write(out.join('\n') + '\n')
