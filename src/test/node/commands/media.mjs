// Baileys' own media encryption and download (lib/Utils/messages-media.js), to check ours against it: what Baileys
// encrypts, Java must open with the same hashes; what Java encrypts, Baileys must download and decrypt.
// Bytes travel as hex. Baileys' media type names: 'image', 'video'.
import { createServer } from 'node:http'
import { readFile, unlink } from 'node:fs/promises'
import { encryptedStream, downloadContentFromMessage, getMediaKeys } from '@whiskeysockets/baileys'

function bytes(hex, what) {
  if (typeof hex !== 'string' || !/^([0-9a-f]{2})*$/i.test(hex)) throw new Error(`${what} must be hex`)
  return Buffer.from(hex, 'hex')
}

async function collect(stream) {
  const chunks = []
  for await (const chunk of stream) chunks.push(chunk)
  return Buffer.concat(chunks)
}

export default {
  // {type, mediaKey} -> {iv, cipherKey, macKey}: Baileys' HKDF expansion of a media key
  async mediaKeys({ type, mediaKey }) {
    const keys = await getMediaKeys(bytes(mediaKey, 'mediaKey'), type)
    const hex = b => Buffer.from(b).toString('hex')
    return { iv: hex(keys.iv), cipherKey: hex(keys.cipherKey), macKey: hex(keys.macKey) }
  },

  // {type, plain} -> {mediaKey, file, fileSha256, fileEncSha256, fileLength}: encryptedStream with a fresh key
  async mediaEncrypt({ type, plain }) {
    const out = await encryptedStream(bytes(plain, 'plain'), type)
    try {
      const file = await readFile(out.encFilePath)
      return {
        mediaKey: out.mediaKey.toString('hex'),
        file: file.toString('hex'),
        fileSha256: out.fileSha256.toString('hex'),
        fileEncSha256: out.fileEncSha256.toString('hex'),
        fileLength: out.fileLength,
      }
    } finally {
      await unlink(out.encFilePath).catch(() => {})
    }
  },

  // {type, mediaKey, file} -> {plain}: serves the encrypted file on loopback and lets downloadContentFromMessage
  // fetch and decrypt it, as a receiving phone's Baileys would
  async mediaDecrypt({ type, mediaKey, file }) {
    const body = bytes(file, 'file')
    const server = createServer((req, res) => { res.writeHead(200, { 'Content-Length': body.length }); res.end(body) })
    await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${server.address().port}/media.enc`
      const stream = await downloadContentFromMessage({ mediaKey: bytes(mediaKey, 'mediaKey'), url }, type)
      return { plain: (await collect(stream)).toString('hex') }
    } finally {
      server.close()
    }
  },
}
