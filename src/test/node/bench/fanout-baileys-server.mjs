// The reference side of bench/fanout.sh: what the seed's Node original does with Baileys, in one process and
// without a database. A Baileys poster linked to the simulator posts --statuses text statuses to every contact of
// --contacts-file; its `message-receipt.update` events keep a viewer map per status, and each status's whole list
// goes out as `status-viewers-update` on a socket.io 4 server at the root and a `ws` server at /ws, coalesced like
// the service's (the first at once, then at most one per --interval-ms, the latest list). Nothing is persisted, so
// this is what the fan-out costs Node with no database under it.
//
// Prints "statuses id1,id2,..." once posted and "listening PORT"; on SIGTERM prints one line
// "heap baselineBytes withClientsBytes clients" (heapUsed + external after gc, with --expose-gc) and exits.
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { Server } from 'socket.io'
import { WebSocketServer } from 'ws'
import { controlClient, linkPoster, sleep } from './baileys-poster.mjs'

const { values: options } = parseArgs({
  options: {
    'control-url': { type: 'string' },
    'contacts-file': { type: 'string' },
    statuses: { type: 'string', default: '5' },
    'interval-ms': { type: 'string', default: '250' },
    'expect-clients': { type: 'string', default: '2000' },
    phone: { type: 'string', default: '17980000001' },
  },
})
const log = message => process.stderr.write(`[baileys] ${message}\n`)
const control = controlClient(options['control-url'])
const info = await control('GET', '/info')
const contacts = readFileSync(options['contacts-file'], 'utf8').split('\n').filter(Boolean).map(l => l.split('\t'))
const phoneOf = new Map(contacts.map(([phone, lid]) => [lid, phone]))
const intervalMs = Number(options['interval-ms'])
const SESSION = 'fanout'

const heap = () => { global.gc?.(); const m = process.memoryUsage(); return m.heapUsed + m.external }

const sock = await linkPoster({ control, info, phone: options.phone })
await sleep(1000)
const viewersByStatus = new Map()
const ids = []
for (let s = 0; s < Number(options.statuses); s++) {
  const started = Date.now()
  const sent = await sock.sendMessage('status@broadcast', { text: `fan-out status ${s + 1}` },
    { statusJidList: contacts.map(([, lid]) => lid) })
  await control('POST', `/messages/${sent.key.id}/await`, { timeoutMillis: 120000 })
  ids.push(sent.key.id)
  viewersByStatus.set(sent.key.id, new Map())
  log(`posted ${sent.key.id} to ${contacts.length} contacts in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

const http = createServer()
const io = new Server(http, { cors: { origin: true } })
const wss = new WebSocketServer({ server: http, path: '/ws' })

// the same coalescing as the service: first list at once, then the latest one per interval
const windows = new Map()
function publish(statusId) {
  const viewers = [...viewersByStatus.get(statusId).values()]
  const data = { sessionId: SESSION, statusId, viewers }
  io.emit('status-viewers-update', data)
  const envelope = JSON.stringify({ event: 'status-viewers-update', data })
  for (const client of wss.clients) client.send(envelope)
}
function changed(statusId) {
  const window = windows.get(statusId)
  if (window) { window.pending = true; return }
  publish(statusId)
  const open = { pending: false }
  windows.set(statusId, open)
  const close = () => {
    if (!open.pending) { windows.delete(statusId); return }
    open.pending = false
    publish(statusId)
    setTimeout(close, intervalMs)
  }
  setTimeout(close, intervalMs)
}

sock.ev.on('message-receipt.update', updates => {
  for (const { key, receipt } of updates) {
    const viewers = viewersByStatus.get(key.id)
    if (!viewers) continue
    const jid = receipt.userJid
    const phone = phoneOf.get(jid) ?? jid.split('@')[0]
    const v = viewers.get(jid) ?? { phoneNumber: phone, jid, deliveredAt: null, viewedAt: null, playedAt: null }
    if (receipt.receiptTimestamp) v.deliveredAt ??= new Date(Number(receipt.receiptTimestamp) * 1000).toISOString()
    if (receipt.readTimestamp) v.viewedAt ??= new Date(Number(receipt.readTimestamp) * 1000).toISOString()
    viewers.set(jid, v)
    changed(key.id)
  }
})

const baseline = heap()
let withClients = 0
const expectClients = Number(options['expect-clients'])
const countClients = () => {
  if (!withClients && io.engine.clientsCount + wss.clients.size >= expectClients) {
    setTimeout(() => { withClients = heap() }, 2000)
  }
}
io.on('connection', countClients)
wss.on('connection', countClients)
http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`statuses ${ids.join(',')}\n`)
  process.stdout.write(`listening ${http.address().port}\n`)
})
process.on('SIGTERM', () => {
  process.stdout.write(`heap ${baseline} ${withClients || heap()} ${io.engine.clientsCount + wss.clients.size}\n`)
  process.exit(0)
})
