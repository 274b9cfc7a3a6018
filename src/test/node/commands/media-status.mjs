// Image and video statuses through Baileys' own media path, for the simulator's media host: posting makes Baileys
// ask media_conn, encrypt and upload (the Node process must trust the host's CA via NODE_EXTRA_CA_CERTS, set when
// the driver starts); downloading makes a viewer fetch the direct path and decrypt it, as the app would.
// Media bytes travel as base64 (a hex video doubles in size for nothing).
import { downloadMediaMessage } from '@whiskeysockets/baileys'
import { content, currentSocket, plain, rawMessage } from './contacts.mjs'

const KINDS = ['image', 'video']

export default {
  // {name, kind: image|video, media (base64), mimetype?, caption?, statusJidList} -> {key, messageTimestamp, message}
  async postMediaStatus({ name, kind, media, mimetype, caption, statusJidList }) {
    if (!KINDS.includes(kind)) throw new Error(`kind must be one of ${KINDS}`)
    if (typeof media !== 'string' || media.length === 0) throw new Error('postMediaStatus needs media as base64')
    if (!Array.isArray(statusJidList) || statusJidList.length === 0) throw new Error('postMediaStatus needs statusJidList')
    const body = { [kind]: Buffer.from(media, 'base64') }
    if (mimetype !== undefined) body.mimetype = mimetype
    if (caption !== undefined) body.caption = caption
    const sent = await currentSocket(name).sendMessage('status@broadcast', body, { statusJidList })
    return { key: plain(sent.key), messageTimestamp: Number(sent.messageTimestamp), message: content(sent.message) }
  },

  // {name, messageId} -> {media (base64), kind, mimetype, caption}: the contact downloads and decrypts a received
  // status ("messageId", because "id" is the driver's request id)
  async downloadStatusMedia({ name, messageId }) {
    const msg = rawMessage(name, messageId)
    const kind = KINDS.find(k => msg.message?.[`${k}Message`])
    if (!kind) throw new Error(`message ${messageId} carries no image or video`)
    const media = msg.message[`${kind}Message`]
    const buffer = await downloadMediaMessage(msg, 'buffer', {})
    return { media: buffer.toString('base64'), kind, mimetype: media.mimetype ?? null, caption: media.caption ?? null }
  },
}
