// The table of bench/fanout.sh: the service and the Baileys reference side by side, from the clients' summaries
// (fanout-{service,baileys}-summary.json), the stream lines and the heap figures.
//
//   node fanout-table.mjs --out target/bench --clients 2000 --service-heap "beforeKB afterKB"
import { existsSync, readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const { values: o } = parseArgs({
  options: { out: { type: 'string' }, clients: { type: 'string' }, 'service-heap': { type: 'string' } },
})
const clients = Number(o.clients)
const read = (name) => existsSync(`${o.out}/${name}`) ? readFileSync(`${o.out}/${name}`, 'utf8').trim() : null
const side = (label) => {
  const summary = read(`fanout-${label}-summary.json`)
  if (!summary) return null
  const stream = read(`fanout-${label}-stream.tsv`).split('\n').pop().split('\t')
  return { s: JSON.parse(summary), stream }
}
const service = side('service')
const baileys = side('baileys')
const [serviceBefore, serviceAfter] = o['service-heap'].split(' ').map(Number)
const heapLine = read('fanout-baileys-server.out')?.split('\n').find((l) => l.startsWith('heap '))
const baileysHeap = heapLine ? heapLine.split(' ').slice(1).map(Number) : null

const cell = (x, f) => (x ? f(x) : 'n/a')
const rate = ({ s }) => {
  const events = s.stats.socketio.events + s.stats.ws.events
  const seconds = (s.lastEventMs - s.firstEventMs) / 1000
  return `${events} in ${seconds.toFixed(2)} s = ${Math.round(events / seconds)}/s`
}
const latency = (kind) => ({ s }) => {
  const l = s.latency[kind]
  return `${l.p50} / ${l.p99} / ${l.max} (${l.views})`
}
const clientsRow = (kind) => ({ s }) => `${s.stats[kind].connected} / ${s.stats[kind].failed} / ${s.stats[kind].closed}`
const perClient = (kind) => ({ s }) => (s.stats[kind].events / Math.max(1, s.stats[kind].connected)).toFixed(1)
const rows = [
  ['receipts handed to the simulator', ({ stream }) => `${stream[1]} in ${stream[2]} s = ${stream[3]}/s`],
  ['every read recorded in the database, from the first receipt', ({ stream }, who) =>
    who === 'service' ? `${stream[4]} s` : 'nothing is stored'],
  ['status-viewers-update events delivered (all clients)', rate],
  ['Socket.IO clients connected / failed / closed early', clientsRow('socketio')],
  ['/ws clients connected / failed / closed early', clientsRow('ws')],
  ['events per Socket.IO client', perClient('socketio')],
  ['events per /ws client', perClient('ws')],
  ['read receipt sent → Socket.IO client, p50 / p99 / max ms (views)', latency('socketio')],
  ['read receipt sent → /ws client, p50 / p99 / max ms (views)', latency('ws')],
  ['/ws bytes per client', ({ s }) => Math.round(s.stats.ws.bytes / Math.max(1, s.stats.ws.connected))],
]
console.log('| figure | service (Java, Payara Micro) | Baileys reference (Node) |')
console.log('|---|--:|--:|')
for (const [name, f] of rows) {
  console.log(`| ${name} | ${cell(service, (x) => f(x, 'service'))} | ${cell(baileys, (x) => f(x, 'baileys'))} |`)
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
console.log(`| heap per connected client (after GC, ${clients} clients) | ${kb((serviceAfter - serviceBefore) * 1024 / clients)}`
  + ` (${Math.round(serviceBefore / 1024)} → ${Math.round(serviceAfter / 1024)} MB) | `
  + (baileysHeap ? `${kb((baileysHeap[1] - baileysHeap[0]) / clients)} (${Math.round(baileysHeap[0] / 2 ** 20)} → `
    + `${Math.round(baileysHeap[1] / 2 ** 20)} MB, heapUsed + external) |` : 'n/a |'))
