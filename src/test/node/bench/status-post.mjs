// Baileys' side of bench/status-post.sh, the same steps as app.statustracker.bench.StatusPostBench: per
// repetition a fresh account links a fresh Baileys socket, which posts a first text status to every contact of
// --contacts-file (their LID users as statusJidList, as an app calls sendMessage) and then a second one. Each post
// is timed from the sendMessage call to the server's <ack class="message"> for its id, which our client waits for
// too (sendMessage itself returns once the stanza is written). Prints one tab-separated line per repetition on
// stdout (baileys memory rep firstMs secondMs firstPairwise secondPairwise), warm-up repetitions with rep "warmup".
//
//   node status-post.mjs --control-url URL [--contacts-file target/bench/status-contacts.tsv] [--repetitions 3]
//        [--warmup 1] [--phone-prefix 1779]
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { controlClient, linkPoster, sleep, stopSocket } from './baileys-poster.mjs'

const { values: options } = parseArgs({
  options: {
    'control-url': { type: 'string' },
    'contacts-file': { type: 'string', default: 'target/bench/status-contacts.tsv' },
    repetitions: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '1' },
    'phone-prefix': { type: 'string', default: '1779' },
  },
})
if (!options['control-url']) throw new Error('--control-url is required')
const control = controlClient(options['control-url'])
const log = message => process.stderr.write(`[baileys] ${message}\n`)
const statusJidList = readFileSync(options['contacts-file'], 'utf8').split('\n').filter(line => line.trim())
  .map(line => line.split('\t')[1])
const info = await control('GET', '/info')

// one timed post: sendMessage with our own message id, until the server acks that id
async function post(sock, text) {
  const messageId = '3EB0' + Array.from({ length: 18 }, () => '0123456789ABCDEF'[Math.floor(Math.random() * 16)]).join('')
  const acked = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${messageId}`)), 180000)
    const onAck = node => {
      if (node.attrs.id !== messageId) return
      clearTimeout(timer)
      sock.ws.off('CB:ack,class:message', onAck)
      if (node.attrs.error) reject(new Error(`ack error ${node.attrs.error} for ${messageId}`))
      else resolve()
    }
    sock.ws.on('CB:ack,class:message', onAck)
  })
  const started = process.hrtime.bigint()
  await sock.sendMessage('status@broadcast', { text }, { statusJidList, messageId })
  await acked
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6
  const relayed = await control('POST', `/messages/${messageId}/await`, { timeoutMillis: 60000 })
  return [elapsed, relayed.deliveries.filter(delivery => delivery.encType).length]
}

let posters = 0
const repetitions = Number(options.repetitions)
for (let rep = -Number(options.warmup); rep < repetitions; rep++) {
  const phone = options['phone-prefix'] + String(posters++).padStart(7, '0')
  const sock = await linkPoster({ control, info, phone })
  await sleep(1000) // the login's follow-ups (pre-key upload, passive iq) are done
  const [first, firstPairwise] = await post(sock, `first status of ${phone}`)
  const [second, secondPairwise] = await post(sock, `second status of ${phone}`)
  await stopSocket(sock)
  const label = rep < 0 ? 'warmup' : String(rep + 1)
  log(`memory ${label}: first ${first.toFixed(1)} ms (${firstPairwise} pairwise), second ${second.toFixed(1)} ms (${secondPairwise} pairwise)`)
  process.stdout.write(`baileys\tmemory\t${label}\t${first.toFixed(1)}\t${second.toFixed(1)}\t${firstPairwise}\t${secondPairwise}\n`)
  if (global.gc) global.gc()
  await sleep(500)
}
process.exit(0)
