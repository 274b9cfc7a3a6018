// Baileys sockets pointed at the simulator. Each `connect` makes one socket with a fresh in-memory auth
// state (a new device: its first connection sends a registration payload) and returns a handle; its
// connection.update events are written as {event: 'connection.update', data: {handle, ...}} lines.
import makeWASocket, { Browsers, WA_CERT_DETAILS, initAuthCreds } from '@whiskeysockets/baileys'
import pino from 'pino'

const sockets = new Map()
let nextHandle = 1

// The SignalKeyStore Baileys asks for: type → id → value, all in memory, gone with the driver.
function memoryKeyStore() {
  const data = new Map()
  return {
    async get(type, ids) {
      const found = {}
      for (const id of ids) {
        const value = data.get(`${type}/${id}`)
        if (value !== undefined) found[id] = value
      }
      return found
    },
    async set(changes) {
      for (const [type, byId] of Object.entries(changes)) {
        for (const [id, value] of Object.entries(byId ?? {})) {
          if (value === null || value === undefined) data.delete(`${type}/${id}`)
          else data.set(`${type}/${id}`, value)
        }
      }
    },
  }
}

function describe(update) {
  const statusCode = update.lastDisconnect?.error?.output?.statusCode
  const data = {}
  if (update.qr !== undefined) data.qr = update.qr
  if (update.connection !== undefined) data.connection = update.connection
  if (statusCode !== undefined) data.statusCode = statusCode
  if (update.lastDisconnect?.error) data.error = String(update.lastDisconnect.error.message ?? update.lastDisconnect.error)
  if (update.isNewLogin !== undefined) data.isNewLogin = update.isNewLogin
  if (update.receivedPendingNotifications !== undefined) data.receivedPendingNotifications = update.receivedPendingNotifications
  return data
}

export default {
  // {url, rootPublicKey (hex)} -> {handle}
  async connect({ url, rootPublicKey }, { emit }) {
    if (!url || !/^[0-9a-f]{64}$/i.test(rootPublicKey ?? '')) throw new Error('connect needs url and a 32-byte hex rootPublicKey')
    // Baileys checks the chain against this mutable export (notes §13.1); the process serves one simulator root
    WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(rootPublicKey, 'hex')
    WA_CERT_DETAILS.SERIAL = 0
    const handle = `s${nextHandle++}`
    const sock = makeWASocket({
      waWebSocketUrl: url,
      auth: { creds: initAuthCreds(), keys: memoryKeyStore() },
      browser: Browsers.ubuntu('Chrome'),
      shouldSyncHistoryMessage: () => false,
      markOnlineOnConnect: false,
      logger: pino({ level: 'silent' }),
    })
    sockets.set(handle, sock)
    sock.ev.on('connection.update', update => {
      emit('connection.update', { handle, ...describe(update) })
      if (update.connection === 'close') sockets.delete(handle)
    })
    return { handle }
  },

  // {handle} -> {}: ends the socket (Baileys emits a final connection.update close)
  async disconnect({ handle }) {
    const sock = sockets.get(handle)
    if (!sock) return { known: false }
    sockets.delete(handle)
    await sock.end(undefined)
    return { known: true }
  },
}
