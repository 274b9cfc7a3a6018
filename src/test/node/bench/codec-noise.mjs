// Baileys' side of bench/codec-noise.sh: the same operations as app.statustracker.bench.CodecNoiseBench, on
// the input file that class wrote, timed the same way. Prints one tab-separated line per operation
// (op, median MB/s, min, max) on stdout; diagnostics go to stderr.
//
//   node codec-noise.mjs --input FILE [--only OP] [--warmup-ms 5000] [--iteration-ms 200] [--iterations 20]
//
// Codec: Baileys' encodeBinaryNode / decodeBinaryNode (the async one its socket awaits per frame).
// Transport: Baileys' own noise handler after finishInit(), i.e. its TransportState (aesEncryptGCM /
// aesDecryptGCM from lib/Utils/crypto.js, IV = 8 zero bytes ‖ uint32 counter, empty AAD).
import { hkdfSync } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { isDeepStrictEqual, parseArgs } from 'node:util'
import { NOISE_MODE, NOISE_WA_HEADER } from '@whiskeysockets/baileys/lib/Defaults/index.js'
import { aesEncryptGCM } from '@whiskeysockets/baileys/lib/Utils/crypto.js'
import { makeNoiseHandler } from '@whiskeysockets/baileys/lib/Utils/noise-handler.js'
import { decodeBinaryNode, encodeBinaryNode } from '@whiskeysockets/baileys/lib/WABinary/index.js'
import { fromJson, toJson } from '../commands/node-json.mjs'

const { values: options } = parseArgs({
  options: {
    input: { type: 'string' },
    only: { type: 'string' },
    'warmup-ms': { type: 'string', default: '5000' },
    'iteration-ms': { type: 'string', default: '200' },
    iterations: { type: 'string', default: '20' },
  },
})
if (!options.input) throw new Error('--input FILE is required (written by CodecNoiseBench --input FILE)')
const warmupMs = Number(options['warmup-ms'])
const iterationMs = Number(options['iteration-ms'])
const iterations = Number(options.iterations)

const input = JSON.parse(readFileSync(options.input, 'utf8'))
const FRAMES = input.framesPerPass
const node = fromJson(input.node)
const frame = Buffer.from(input.frameHex, 'hex')

const quiet = { level: 'silent', child: () => quiet, trace() {}, debug() {}, info() {}, warn() {}, error() {} }

// makeNoiseHandler + finishInit without a handshake: Split of the initial state, as the Java side's
// new SymmetricState().split(). The handler writes with the first half and reads with the second.
async function transport() {
  const handler = makeNoiseHandler({
    keyPair: { private: Buffer.alloc(32), public: Buffer.alloc(32) },
    NOISE_HEADER: NOISE_WA_HEADER,
    logger: quiet,
  })
  await handler.finishInit()
  return handler
}

// frames "from the server": encrypted under the handler's read key with counters 0..FRAMES-1
const readKey = Buffer.from(hkdfSync('sha256', Buffer.alloc(0), Buffer.from(NOISE_MODE), Buffer.alloc(0), 64)).subarray(32)
const incoming = []
for (let i = 0; i < FRAMES; i++) {
  const iv = Buffer.alloc(12)
  iv.writeUInt32BE(i, 8)
  incoming.push(aesEncryptGCM(frame, readKey, iv, Buffer.alloc(0)))
}

// the same input as Java, or no numbers at all
function same(what, ours, theirs) {
  if (ours !== theirs) throw new Error(`${what} differs from the Java side:\n  baileys ${ours}\n  java    ${theirs}`)
}
same('encoded node', encodeBinaryNode(node).toString('hex'), input.frameHex)
if (!isDeepStrictEqual(toJson(await decodeBinaryNode(frame)), input.node)) throw new Error('Baileys decodes the frame to another node')
same('first outgoing transport frame', (await transport()).encrypt(frame).toString('hex'), input.firstOutgoingHex)
same('first incoming transport frame', incoming[0].toString('hex'), input.firstIncomingHex)
same('decrypted incoming frame', (await transport()).decrypt(incoming[0]).toString('hex'), input.frameHex)

let sink = 0
const passes = {
  encode: async () => {
    for (let i = 0; i < FRAMES; i++) sink += encodeBinaryNode(node).length
  },
  decode: async () => {
    for (let i = 0; i < FRAMES; i++) sink += (await decodeBinaryNode(frame)).content.length
  },
  'encode+decode': async () => {
    for (let i = 0; i < FRAMES; i++) sink += (await decodeBinaryNode(encodeBinaryNode(node))).content.length
  },
  'transport-encrypt': async () => {
    const noise = await transport()
    for (let i = 0; i < FRAMES; i++) sink += noise.encrypt(frame).length
  },
  'transport-decrypt': async () => {
    const noise = await transport()
    for (let i = 0; i < FRAMES; i++) sink += noise.decrypt(incoming[i]).length
  },
  'send(encode+encrypt)': async () => {
    const noise = await transport()
    for (let i = 0; i < FRAMES; i++) sink += noise.encrypt(encodeBinaryNode(node)).length
  },
  'receive(decrypt+decode)': async () => {
    const noise = await transport()
    for (let i = 0; i < FRAMES; i++) sink += (await decodeBinaryNode(noise.decrypt(incoming[i]))).content.length
  },
}

const bytesPerPass = frame.length * FRAMES
const now = () => Number(process.hrtime.bigint()) / 1e6

if (options.only && !(options.only in passes)) throw new Error(`no operation ${options.only}; there are ${Object.keys(passes)}`)
for (const [op, pass] of Object.entries(passes)) {
  if (options.only && options.only !== op) continue
  const warmupEnd = now() + warmupMs
  while (now() < warmupEnd) await pass()
  const rates = []
  for (let i = 0; i < iterations; i++) {
    const start = now()
    let elapsed
    let count = 0
    do {
      await pass()
      count++
      elapsed = now() - start
    } while (elapsed < iterationMs)
    rates.push((count * bytesPerPass) / (elapsed / 1000) / 1e6)
  }
  rates.sort((a, b) => a - b)
  const middle = rates.length >> 1
  const median = rates.length % 2 ? rates[middle] : (rates[middle - 1] + rates[middle]) / 2
  process.stdout.write(`${op}\t${median.toFixed(1)}\t${rates[0].toFixed(1)}\t${rates[rates.length - 1].toFixed(1)}\n`)
}
console.error(`[baileys] sink ${sink}, node ${process.versions.node}, ${frame.length}-byte frame`)
