// Baileys sockets as named "contacts" of a status test: each name is one linked device (its own simulator
// account) whose socket may be replaced by reconnects, and whose events are recorded for the Java side:
//   received  messages.upsert entries   {type, key, pushName, messageTimestamp, message}
//   updates   messages.update entries   {key, update}        (revokes, ack errors)
//   receipts  message-receipt.update    {key, receipt}       (the poster's view of viewers)
// Posting, revoking and reading go through the pinned Baileys API exactly as an app would call it
// (docs/protocol.md, Simulator). Linking itself (QR, 515) stays with socket.mjs; contactConnect logs a linked auth
// state in and records it.
import { proto } from '@whiskeysockets/baileys'
import socketCommands, { socketFor } from './socket.mjs'

const contacts = new Map()
const KINDS = ['received', 'updates', 'receipts']

function contactNamed(name, create = false) {
  if (!name) throw new Error('a contact needs a name')
  let contact = contacts.get(name)
  if (!contact && create) {
    // raw: the WAMessage of each received entry by id, for commands that need Baileys' own object (media download)
    contact = { name, handle: null, auth: null, received: [], updates: [], receipts: [], raw: new Map(), waiters: new Set() }
    contacts.set(name, contact)
  }
  if (!contact) throw new Error(`unknown contact ${name}`)
  return contact
}

// JSON-safe copies: bytes as hex, protobuf Longs as numbers (JSON.stringify would turn them into objects)
export function plain(value) {
  if (value === undefined) return null
  return JSON.parse(JSON.stringify(value, function (key, item) {
    const original = this[key]
    if (original instanceof Uint8Array) return Buffer.from(original).toString('hex')
    if (original && typeof original === 'object' && typeof original.toNumber === 'function' && 'low' in original) {
      return original.toNumber()
    }
    if (typeof original === 'bigint') return Number(original)
    return item
  }))
}

// Message content with enums as numbers (e.g. font), as the Java side compares them with the proto values
export function content(message) {
  if (!message) return null
  const object = message instanceof proto.Message
    ? proto.Message.toObject(message, { longs: Number, enums: Number, bytes: String })
    : message
  return plain(object)
}

function record(contact, kind, entry) {
  contact[kind].push({ ...entry, at: Date.now() })
  for (const wake of contact.waiters) wake()
}

function attach(contact, sock) {
  sock.ev.on('messages.upsert', ({ messages, type }) => {
    for (const msg of messages) {
      if (msg.key?.id) contact.raw.set(msg.key.id, msg)
      record(contact, 'received', {
        type,
        key: plain(msg.key),
        pushName: msg.pushName ?? null,
        status: msg.status ?? null,
        messageTimestamp: msg.messageTimestamp == null ? null : Number(msg.messageTimestamp),
        message: content(msg.message),
      })
    }
  })
  sock.ev.on('messages.update', updates => {
    for (const { key, update } of updates) record(contact, 'updates', { key: plain(key), update: plain(update) })
  })
  sock.ev.on('message-receipt.update', updates => {
    for (const { key, receipt } of updates) record(contact, 'receipts', { key: plain(key), receipt: plain(receipt) })
  })
}

function valueAt(entry, path) {
  return path.split('.').reduce((value, part) => (value == null ? undefined : value[part]), entry)
}

function matches(entry, where) {
  return Object.entries(where ?? {}).every(([path, expected]) => String(valueAt(entry, path)) === String(expected))
}

// The message a contact received (or sent: Baileys upserts its own posts too) with this id, as Baileys holds it
export function rawMessage(name, id) {
  const msg = contactNamed(name).raw.get(id)
  if (!msg) throw new Error(`contact ${name} has no message ${id}`)
  return msg
}

export function currentSocket(name) {
  const contact = contactNamed(name)
  if (!contact.handle) throw new Error(`contact ${name} has no socket`)
  return socketFor(contact.handle)
}

export default {
  // {name, url, rootPublicKey, auth} -> {handle, auth}: a (new) socket for the contact, recorded from its first event
  async contactConnect({ name, url, rootPublicKey, auth }, context) {
    const contact = contactNamed(name, true)
    const opened = await socketCommands.connect({ url, rootPublicKey, auth: auth ?? contact.auth ?? undefined }, context)
    // connect returns before the socket has done any I/O, so no event can be missed
    attach(contact, socketFor(opened.handle))
    contact.handle = opened.handle
    contact.auth = opened.auth
    return opened
  },

  // {name, text, statusJidList, backgroundColor?, font?} -> {key, messageTimestamp}
  async postStatus({ name, text, statusJidList, backgroundColor, font }) {
    if (!Array.isArray(statusJidList) || statusJidList.length === 0) throw new Error('postStatus needs statusJidList')
    const options = { statusJidList }
    if (backgroundColor !== undefined) options.backgroundColor = backgroundColor
    if (font !== undefined) options.font = font
    const sent = await currentSocket(name).sendMessage('status@broadcast', { text }, options)
    return { key: plain(sent.key), messageTimestamp: Number(sent.messageTimestamp) }
  },

  // {name, key, statusJidList} -> {key}: revoke for everyone (docs/protocol.md, Revoke)
  async revokeStatus({ name, key, statusJidList }) {
    const sent = await currentSocket(name).sendMessage('status@broadcast', { delete: key }, { statusJidList })
    return { key: plain(sent.key) }
  },

  // {name, keys} -> {}: the viewer opens the statuses (read receipts, docs/protocol.md, Receipts)
  async readStatuses({ name, keys }) {
    await currentSocket(name).readMessages(keys)
    return {}
  },

  // {name, keys} -> {}: the viewer plays video statuses to the end (played receipts: a view and a play)
  async playStatuses({ name, keys }) {
    await currentSocket(name).sendReceipts(keys, 'played')
    return {}
  },

  // {name} -> {received, updates, receipts}
  async recordings({ name }) {
    const contact = contactNamed(name)
    return Object.fromEntries(KINDS.map(kind => [kind, contact[kind]]))
  },

  // {name, kind, where: {"dotted.path": value}, count?, timeoutMillis?} -> {matches}: waits for count entries
  async awaitRecorded({ name, kind, where, count = 1, timeoutMillis = 20000 }) {
    if (!KINDS.includes(kind)) throw new Error(`kind must be one of ${KINDS}`)
    const contact = contactNamed(name)
    const found = () => contact[kind].filter(entry => matches(entry, where))
    if (found().length >= count) return { matches: found() }
    return await new Promise((resolve, reject) => {
      const wake = () => {
        if (found().length >= count) {
          done()
          resolve({ matches: found() })
        }
      }
      const timer = setTimeout(() => {
        done()
        reject(new Error(`${name}: ${found().length} of ${count} ${kind} matching ${JSON.stringify(where)} ` +
          `within ${timeoutMillis} ms; recorded ${JSON.stringify(contact[kind]).slice(0, 1500)}`))
      }, timeoutMillis)
      const done = () => {
        clearTimeout(timer)
        contact.waiters.delete(wake)
      }
      contact.waiters.add(wake)
    })
  },
}
