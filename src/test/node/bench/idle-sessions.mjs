// Baileys' side of bench/idle-sessions.sh, the same steps as app.statustracker.bench.IdleSessionsBench:
// N Baileys sockets in this one process, linked by QR to the standalone simulator through its control port,
// left idle, then measured; then a "restart": every socket ends and a new one is made from the same auth
// state, all at once, timed until all are open again. Prints one tab-separated result line on stdout
// (baileys N heapBytes/session rssBytes/session reconnectSeconds reconnected linked); progress on stderr. When
// linking outlasts --link-timeout-seconds, the measurement covers the sockets that were linked by then.
//
//   node --expose-gc idle-sessions.mjs --control-url URL [--sessions 100] [--warmup 10] [--concurrency 20]
//        [--idle-seconds 30] [--link-timeout-seconds 600] [--reconnect-timeout-seconds 120] [--phone-prefix 1666]
//
// "heap" is V8's heapUsed plus external (Buffers live outside the V8 heap; the Java heap holds its byte[]).
// Socket options as the driver's (src/test/node/commands/socket.mjs), one shared silent logger, the
// driver's in-memory key store.
import { parseArgs } from 'node:util'
import makeWASocket, { Browsers, WA_CERT_DETAILS, initAuthCreds } from '@whiskeysockets/baileys'
import pino from 'pino'
import { memoryKeyStore } from '../memory-key-store.mjs'

const { values: options } = parseArgs({
  options: {
    'control-url': { type: 'string' },
    sessions: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '20' },
    'idle-seconds': { type: 'string', default: '30' },
    'link-timeout-seconds': { type: 'string', default: '600' },
    'reconnect-timeout-seconds': { type: 'string', default: '120' },
    'phone-prefix': { type: 'string', default: '1666' },
  },
})
if (!options['control-url']) throw new Error('--control-url is required')
if (typeof global.gc !== 'function') throw new Error('run node with --expose-gc')
const controlUrl = options['control-url'].replace(/\/$/, '')
const sessions = Number(options.sessions)
const warmup = Number(options.warmup)
const concurrency = Number(options.concurrency)
const idleMs = Number(options['idle-seconds']) * 1000
const linkTimeoutMs = Number(options['link-timeout-seconds']) * 1000
const reconnectTimeoutMs = Number(options['reconnect-timeout-seconds']) * 1000
const log = message => process.stderr.write(`[baileys] ${message}\n`)
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))
const logger = pino({ level: 'silent' })

async function control(method, path, body) {
  const answer = await fetch(controlUrl + path, {
    method,
    headers: body ? { 'content-type': 'application/json' } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await answer.text()
  if (answer.status !== 200) throw new Error(`${method} ${path} answered ${answer.status}: ${text}`)
  return JSON.parse(text)
}

const info = await control('GET', '/info')
WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(info.rootPublicKey, 'hex')
WA_CERT_DETAILS.SERIAL = 0
let nextPhone = 0

// One device: its auth state outlives its sockets. start() resolves once a socket of it is open; a
// registration socket scans its first QR, and the 515 after pairing (or a lost connection) makes a new socket.
class Device {
  constructor(phone, auth) {
    this.phone = phone
    this.auth = auth
    this.sock = null
    this.stopping = false
  }

  start() {
    return new Promise((resolve, reject) => {
      this.resolveOpen = resolve
      this.rejectOpen = reject
      this.scanned = false
      this.connect()
    })
  }

  connect() {
    const sock = makeWASocket({
      waWebSocketUrl: info.wsUrl,
      auth: this.auth,
      browser: Browsers.ubuntu('Chrome'),
      shouldSyncHistoryMessage: () => false,
      markOnlineOnConnect: false,
      logger,
    })
    this.sock = sock
    sock.ev.on('connection.update', update => {
      if (update.qr && !this.scanned) {
        this.scanned = true
        control('POST', `/accounts/${this.phone}/scan-qr`, { qr: update.qr }).catch(e => this.rejectOpen(e))
      }
      if (update.connection === 'open') this.resolveOpen()
      if (update.connection === 'close') {
        if (this.stopping) {
          this.resolveClosed?.()
          return
        }
        const status = update.lastDisconnect?.error?.output?.statusCode
        if (status === 515) this.connect()
        else if (status === 401 || status === 403 || status === 440) this.rejectOpen(new Error(`${this.phone}: closed ${status}`))
        else setTimeout(() => this.connect(), 1000)
      }
    })
  }

  stop() {
    this.stopping = true
    return new Promise(resolve => {
      this.resolveClosed = resolve
      this.sock.end(undefined)
    })
  }
}

function withTimeout(promise, ms, what) {
  let timer
  return Promise.race([promise, new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)
  })]).finally(() => clearTimeout(timer))
}

async function link(count) {
  const devices = []
  for (let i = 0; i < count; i++) {
    const phone = options['phone-prefix'] + String(nextPhone++).padStart(7, '0')
    await control('POST', '/accounts', { phoneNumber: phone })
    devices.push(new Device(phone, { creds: initAuthCreds(), keys: memoryKeyStore() }))
  }
  // `concurrency` linkings in flight at a time; past the link timeout no new one starts, the ones in flight
  // may finish (30 s more), and the run goes on with the devices that made it: Baileys' reach is a result too
  const deadline = Date.now() + linkTimeoutMs
  let next = 0
  const worker = async () => {
    while (next < devices.length && Date.now() < deadline) {
      const device = devices[next++]
      await device.start()
      device.linked = true
      if (next % 100 === 0) log(`  ${next} started`)
    }
  }
  const workers = Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
  await withTimeout(workers, linkTimeoutMs + 30000, 'linking').catch(e => log(e.message))
  const linked = devices.filter(device => device.linked)
  if (linked.length < count) {
    log(`link timeout: ${linked.length} of ${count} linked; the others are ended`)
    await withTimeout(Promise.all(devices.filter(device => !device.linked && device.sock).map(device => device.stop())), 30000, "ending").catch(e => log(e.message))
  }
  return linked
}

async function stopAll(devices) {
  await withTimeout(Promise.all(devices.map(device => device.stop())), 30000, 'closing')
}

// heap (V8 heapUsed + external) and RSS after full GCs: the median of three samples each
async function measure() {
  const heap = []
  const rss = []
  for (let i = 0; i < 3; i++) {
    global.gc()
    await sleep(300)
    const usage = process.memoryUsage()
    heap.push(usage.heapUsed + usage.external)
    rss.push(usage.rss)
  }
  const median = values => values.sort((a, b) => a - b)[1]
  const usage = process.memoryUsage()
  log(`  heapUsed ${(usage.heapUsed / 1e6).toFixed(1)} MB, external ${(usage.external / 1e6).toFixed(1)} MB`)
  return [median(heap), median(rss)]
}

if (warmup > 0) {
  log(`warm-up: linking ${warmup} throw-away devices`)
  const throwAway = await link(warmup)
  await stopAll(throwAway)
}
await sleep(2000)
const baseline = await measure()
log(`baseline: heap ${(baseline[0] / 1e6).toFixed(1)} MB, RSS ${(baseline[1] / 1e6).toFixed(1)} MB`)

let started = process.hrtime.bigint()
const devices = await link(sessions)
log(`${devices.length} sockets open after ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s; idle for ${idleMs / 1000} s`)
await sleep(idleMs)
const loaded = await measure()
log(`with ${sessions} sockets: heap ${(loaded[0] / 1e6).toFixed(1)} MB, RSS ${(loaded[1] / 1e6).toFixed(1)} MB`)
const reached = devices.length
const heapPerSession = Math.round((loaded[0] - baseline[0]) / reached)
const rssPerSession = Math.round((loaded[1] - baseline[1]) / reached)

await stopAll(devices)
log(`restart: all ${reached} sockets ended; new sockets from the same auth states connect`)
const restarted = devices.map(old => new Device(old.phone, old.auth))
started = process.hrtime.bigint()
let done = 0
try {
  await withTimeout(Promise.all(restarted.map(device => device.start().then(() => done++))), reconnectTimeoutMs, 'reconnecting')
} catch (e) {
  log(`not all reconnected: ${e.message}`)
}
const reconnectSeconds = Number(process.hrtime.bigint() - started) / 1e9
log(`${done} of ${reached} open again after ${reconnectSeconds.toFixed(2)} s`)
process.stdout.write(`baileys\t${sessions}\t${heapPerSession}\t${rssPerSession}\t${done === reached ? reconnectSeconds.toFixed(2) : 'NaN'}\t${done}\t${reached}\n`)
await Promise.race([stopAll(restarted.filter(device => device.sock)).catch(() => {}), sleep(10000)])
process.exit(0)
