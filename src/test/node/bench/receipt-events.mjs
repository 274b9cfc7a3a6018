// A reference for bench/receipts.sh, not a like-for-like comparison: Baileys keeps no database, so this measures
// how fast one Baileys socket turns status receipts into `message-receipt.update` events — the raw event rate an
// application would then have to persist. The same receipts as app.statustracker.bench.ReceiptIngestBench in
// simulator mode: a linked Baileys poster posts --statuses statuses to one contact, the simulator's control port
// injects a delivery and then a read receipt from each of --viewers viewer accounts for each status (1,000 viewers
// per request), and the clock stops when every receipt came out as an event entry. Baileys acks each receipt
// stanza on arrival. Prints one tab-separated line (baileys events receipts seconds receiptsPerSecond).
//
//   node receipt-events.mjs --control-url URL [--statuses 10] [--viewers 5000]
import { parseArgs } from 'node:util'
import { controlClient, linkPoster, sleep, stopSocket } from './baileys-poster.mjs'

const { values: options } = parseArgs({
  options: {
    'control-url': { type: 'string' },
    statuses: { type: 'string', default: '10' },
    viewers: { type: 'string', default: '5000' },
  },
})
if (!options['control-url']) throw new Error('--control-url is required')
const control = controlClient(options['control-url'])
const log = message => process.stderr.write(`[baileys] ${message}\n`)
const statuses = Number(options.statuses)
const viewerCount = Number(options.viewers)
const info = await control('GET', '/info')

const contact = '17740000000'
const { lid: contactLid } = await control('POST', '/accounts', { phoneNumber: contact })
await control('POST', `/accounts/${contact}/virtual-companions`, { count: 1, oneTimeKeys: 4 })
const viewers = []
let started = Date.now()
for (let v = 0; v < viewerCount; v++) {
  viewers.push('1666' + String(v).padStart(7, '0'))
  await control('POST', '/accounts', { phoneNumber: viewers[v] })
}
log(`${viewerCount} viewer accounts in ${((Date.now() - started) / 1000).toFixed(1)} s`)

const sock = await linkPoster({ control, info, phone: '17730000000' })
let events = 0
sock.ev.on('message-receipt.update', updates => { events += updates.length })
await sleep(1000)

async function postAll() {
  const ids = []
  for (let s = 0; s < statuses; s++) {
    const sent = await sock.sendMessage('status@broadcast', { text: `status ${s}` }, { statusJidList: [contactLid] })
    await control('POST', `/messages/${sent.key.id}/await`, { timeoutMillis: 30000 })
    ids.push(sent.key.id)
  }
  return ids
}

async function inject(label, ids, who) {
  const before = events
  const target = before + ids.length * who.length * 2
  const t = Math.floor(Date.now() / 1000)
  const begin = process.hrtime.bigint()
  for (const type of [undefined, 'read']) {
    for (let from = 0; from < who.length; from += 1000) {
      const chunk = who.slice(from, from + 1000)
      for (const id of ids) {
        await control('POST', `/messages/${id}/receipts`, type ? { viewers: chunk, type, t } : { viewers: chunk, t })
      }
    }
  }
  log(`${label}: the simulator took the ${target - before} receipts in ${(Number(process.hrtime.bigint() - begin) / 1e9).toFixed(2)} s`)
  let last = events
  let lastChange = Date.now()
  while (events < target) {
    await sleep(5)
    if (events !== last) {
      last = events
      lastChange = Date.now()
    } else if (Date.now() - lastChange > 15000) {
      log(`${label}: only ${events - before} of ${target - before} receipt events; no more came for 15 s`)
      break
    }
  }
  return [Math.min(events, target) - before, Number(process.hrtime.bigint() - begin) / 1e9]
}

const warmupIds = await postAll()
await inject('warm-up', warmupIds, viewers.slice(0, Math.floor(viewerCount / 10)))
const ids = await postAll()
const [count, seconds] = await inject('timed', ids, viewers)
log(`${count} receipt events in ${seconds.toFixed(2)} s = ${(count / seconds).toFixed(0)} events/s`)
process.stdout.write(`baileys\tevents\t${count}\t${seconds.toFixed(2)}\t${(count / seconds).toFixed(0)}\n`)
await stopSocket(sock)
process.exit(0)
