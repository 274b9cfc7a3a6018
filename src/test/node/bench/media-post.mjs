// Baileys' side of bench/media-post.sh, the same steps as app.statustracker.bench.MediaPostBench: --warmup throw-away
// sockets post the photo and the video once each; then per medium a fresh account links a fresh socket, which posts
// the file twice to every contact of --contacts-file (their LID users as statusJidList). Each post is timed from the
// sendMessage call to the server's <ack class="message"> for its id; in between Baileys reads the file, encrypts it
// to a temporary file, asks media_conn (first post), uploads it, makes a thumbnail (sharp for the photo, the ffmpeg
// CLI for the video, beside the upload) and sends the stanza. Node must trust the simulator's media host:
// NODE_EXTRA_CA_CERTS=<media-ca-file> when node starts. Prints one tab-separated line per medium on stdout
// (baileys medium rep firstMs secondMs firstPairwise secondPairwise deliveries bytes).
//
//   NODE_EXTRA_CA_CERTS=ca.pem node media-post.mjs --control-url URL --photo a.jpg --video b.mp4
//        [--contacts-file target/bench/media-contacts.tsv] [--warmup 1] [--rep 1] [--phone-prefix 1890]
import { readFileSync, statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { controlClient, linkPoster, sleep, stopSocket } from './baileys-poster.mjs'

const { values: options } = parseArgs({
  options: {
    'control-url': { type: 'string' },
    'contacts-file': { type: 'string', default: 'target/bench/media-contacts.tsv' },
    photo: { type: 'string' },
    video: { type: 'string' },
    warmup: { type: 'string', default: '1' },
    rep: { type: 'string', default: '1' },
    'phone-prefix': { type: 'string', default: '1890' },
  },
})
for (const required of ['control-url', 'photo', 'video']) {
  if (!options[required]) throw new Error(`--${required} is required`)
}
if (!process.env.NODE_EXTRA_CA_CERTS) throw new Error('NODE_EXTRA_CA_CERTS must name the media host CA file')
const control = controlClient(options['control-url'])
const log = message => process.stderr.write(`[baileys] ${message}\n`)
const contacts = readFileSync(options['contacts-file'], 'utf8').split('\n').filter(line => line.trim())
const statusJidList = contacts.map(line => line.split('\t')[1])
const info = await control('GET', '/info')

// one timed post of the file at path (read by Baileys as a stream, as the service reads its upload from disk)
async function post(sock, kind, path) {
  const messageId = '3EB0' + Array.from({ length: 18 }, () => '0123456789ABCDEF'[Math.floor(Math.random() * 16)]).join('')
  const uploadsBefore = (await control('GET', '/media/uploads')).length
  const acked = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${messageId}`)), 300000)
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
  const content = kind === 'text' ? { text: path } : { [kind]: { url: path } }
  const sent = await sock.sendMessage('status@broadcast', content, { statusJidList, messageId })
  await acked
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6
  const relayed = await control('POST', `/messages/${messageId}/await`, { timeoutMillis: 60000 })
  if (relayed.ackError) throw new Error(`the simulator refused ${messageId}: ${JSON.stringify(relayed)}`)
  if (relayed.deliveries.length < contacts.length) {
    throw new Error(`the post reached ${relayed.deliveries.length} devices for ${contacts.length} contacts`)
  }
  const pairwise = relayed.deliveries.filter(delivery => delivery.encType).length
  if (kind === 'text') return { elapsed, pairwise, deliveries: relayed.deliveries.length, thumbnail: 0 }
  const uploads = await control('GET', '/media/uploads')
  if (uploads.length !== uploadsBefore + 1) throw new Error(`the media host got ${uploads.length - uploadsBefore} uploads`)
  if (uploads[uploads.length - 1].size < statSync(path).size) throw new Error(`the media host stored less than ${path}`)
  const media = sent.message[`${kind}Message`]
  return {
    elapsed,
    pairwise,
    deliveries: relayed.deliveries.length,
    thumbnail: media.jpegThumbnail ? media.jpegThumbnail.length : 0,
  }
}

let posters = 0
async function freshSocket() {
  const phone = options['phone-prefix'] + String(posters++).padStart(7, '0')
  const sock = await linkPoster({ control, info, phone })
  await sleep(1000) // the login's follow-ups (pre-key upload, passive iq) are done
  return sock
}

const files = { image: options.photo, video: options.video }
for (let i = 0; i < Number(options.warmup); i++) {
  const sock = await freshSocket()
  for (const [kind, path] of Object.entries(files)) await post(sock, kind, path)
  await stopSocket(sock)
  log('warm-up socket posted the photo and the video')
}
// a text status first, the reference without media (as on the Java side)
for (const [kind, path] of Object.entries({ text: 'a text status through sendMessage', ...files })) {
  const sock = await freshSocket()
  const first = await post(sock, kind, path)
  const second = await post(sock, kind, path)
  await stopSocket(sock)
  log(`${kind} ${options.rep}: first ${first.elapsed.toFixed(1)} ms (${first.pairwise} pairwise, ${first.deliveries} deliveries, ` +
    `thumbnail ${first.thumbnail} bytes), second ${second.elapsed.toFixed(1)} ms (${second.pairwise} pairwise)`)
  process.stdout.write(`baileys\t${kind}\t${options.rep}\t${first.elapsed.toFixed(1)}\t${second.elapsed.toFixed(1)}\t` +
    `${first.pairwise}\t${second.pairwise}\t${first.deliveries}\t${kind === 'text' ? 0 : statSync(path).size}\n`)
}
process.exit(0)
