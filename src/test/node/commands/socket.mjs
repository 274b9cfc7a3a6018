// Baileys sockets pointed at the simulator. An auth state (creds + in-memory key store) lives under an id
// and outlives its socket: `connect` without `auth` starts a new device (its first connection sends a
// registration payload), `connect` with the `auth` of an earlier socket logs that device in again — what a
// harness must do after the 515 close that ends pairing, since Baileys does not reconnect by itself
// (docs/protocol.md, Simulator). Each socket's connection.update and creds.update are written as events carrying
// {handle, auth, ...}.
import makeWASocket, { Browsers, WA_CERT_DETAILS, initAuthCreds } from '@whiskeysockets/baileys'
import pino from 'pino'
import { memoryKeyStore } from '../memory-key-store.mjs'

const sockets = new Map()
const auths = new Map()
let nextHandle = 1
let nextAuth = 1

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

// What a test may want to know about an auth state; keys as hex, never private halves.
function describeCreds(creds) {
  const hex = bytes => (bytes ? Buffer.from(bytes).toString('hex') : null)
  return {
    me: creds.me ? { id: creds.me.id ?? null, lid: creds.me.lid ?? null, name: creds.me.name ?? null } : null,
    registered: !!creds.registered,
    platform: creds.platform ?? null,
    pairingCode: creds.pairingCode ?? null,
    noiseKey: hex(creds.noiseKey.public),
    identityKey: hex(creds.signedIdentityKey.public),
    registrationId: creds.registrationId,
    hasAccount: !!creds.account,
  }
}

function authById(auth) {
  const state = auths.get(auth)
  if (!state) throw new Error(`unknown auth ${auth}`)
  return state
}

// The open socket behind a handle, for modules that drive it further (contacts.mjs)
export function socketFor(handle) {
  return socketByHandle(handle)
}

function socketByHandle(handle) {
  const sock = sockets.get(handle)
  if (!sock) throw new Error(`no open socket ${handle}`)
  return sock
}

export default {
  // {url, rootPublicKey (hex), auth?} -> {handle, auth}
  async connect({ url, rootPublicKey, auth }, { emit }) {
    if (!url || !/^[0-9a-f]{64}$/i.test(rootPublicKey ?? '')) throw new Error('connect needs url and a 32-byte hex rootPublicKey')
    // Baileys checks the chain against this mutable export (docs/protocol.md, Simulator); the process serves one
    // simulator root
    WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(rootPublicKey, 'hex')
    WA_CERT_DETAILS.SERIAL = 0
    if (auth === undefined) {
      auth = `a${nextAuth++}`
      auths.set(auth, { creds: initAuthCreds(), keys: memoryKeyStore() })
    }
    const state = authById(auth)
    const handle = `s${nextHandle++}`
    const sock = makeWASocket({
      waWebSocketUrl: url,
      auth: state,
      browser: Browsers.ubuntu('Chrome'),
      shouldSyncHistoryMessage: () => false,
      markOnlineOnConnect: false,
      logger: pino({ level: 'silent' }),
    })
    sockets.set(handle, sock)
    sock.ev.on('connection.update', update => {
      emit('connection.update', { handle, auth, ...describe(update) })
      if (update.connection === 'close') sockets.delete(handle)
    })
    // Baileys applies the update to state.creds itself (Object.assign in makeSocket); this reports the result
    sock.ev.on('creds.update', () => emit('creds.update', { handle, auth, ...describeCreds(state.creds) }))
    return { handle, auth }
  },

  // {handle, phone, code?} -> {code}: Baileys' requestPairingCode on an open registration socket
  // (docs/protocol.md, Simulator)
  async requestPairingCode({ handle, phone, code }) {
    if (!/^\d{5,20}$/.test(phone ?? '')) throw new Error('requestPairingCode needs phone as digits')
    return { code: await socketByHandle(handle).requestPairingCode(phone, code) }
  },

  // {auth} -> what describeCreds tells
  async creds({ auth }) {
    return describeCreds(authById(auth).creds)
  },

  // {auth} -> {auth}: a copy of a paired auth state with a new Noise key, i.e. a login the server must refuse
  async forkAuthWithNewNoiseKey({ auth }) {
    const source = authById(auth)
    const fresh = initAuthCreds()
    const copy = `a${nextAuth++}`
    auths.set(copy, { creds: { ...source.creds, noiseKey: fresh.noiseKey }, keys: source.keys })
    return { auth: copy }
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
