// Pairwise Signal sessions exactly as Baileys runs them: Baileys' own signal repository
// (lib/Signal/libsignal.js makeLibSignalRepository, reached through DEFAULT_CONNECTION_CONFIG) over the npm
// "libsignal" it depends on, with an in-memory auth state. The Java side cross-checks its SessionCipher against
// this in both directions (docs/protocol.md, Signal).
//
// Each named party lives in this driver process: creds from initAuthCreds, a transaction-capable memory key
// store, the repository. Peers are addressed by JID; LID JIDs ("1000:2@lid" -> libsignal address "1000_1.2")
// keep Baileys' PN->LID lookup out of the way. Keys and ciphertexts travel as hex; public keys raw 32 bytes.
import {
  DEFAULT_CONNECTION_CONFIG,
  addTransactionCapability,
  initAuthCreds,
  Curve,
  generateSignalPubKey,
} from '@whiskeysockets/baileys'
import pino from 'pino'
import { memoryKeyStore } from '../memory-key-store.mjs'

// libsignal-node reports session changes with console.info/warn ("Closing session: ..."); stdout is the
// driver's JSON-lines channel, so those go to stderr like every other diagnostic.
for (const level of ['log', 'info', 'warn', 'debug']) console[level] = (...args) => console.error(...args)

const logger = pino({ level: 'silent' })
const parties = new Map()

const hex = bytes => Buffer.from(bytes).toString('hex')

function bytes(value, what) {
  if (typeof value !== 'string' || !/^([0-9a-f]{2})*$/i.test(value)) throw new Error(`${what} must be hex`)
  return Buffer.from(value, 'hex')
}

function party(name) {
  const found = parties.get(name)
  if (!found) throw new Error(`no Signal party named ${name}`)
  return found
}

export default {
  // {name, oneTimePreKey = true} -> a fresh device and its bundle as the server would hand it out
  // (docs/protocol.md, Pre-keys)
  async signalCreate({ name, oneTimePreKey = true }) {
    if (typeof name !== 'string' || !name) throw new Error('name required')
    const creds = initAuthCreds()
    const keys = addTransactionCapability(memoryKeyStore(), logger, { maxCommitRetries: 1, delayBetweenTriesMs: 0 })
    const repository = DEFAULT_CONNECTION_CONFIG.makeSignalRepository({ creds, keys }, logger, async () => undefined)
    const state = { creds, keys, repository, nextPreKeyId: 1 + Math.floor(Math.random() * 1000) }
    parties.set(name, state)
    const bundle = {
      registrationId: creds.registrationId,
      identityKey: hex(creds.signedIdentityKey.public),
      signedPreKeyId: creds.signedPreKey.keyId,
      signedPreKey: hex(creds.signedPreKey.keyPair.public),
      signedPreKeySignature: hex(creds.signedPreKey.signature),
    }
    if (oneTimePreKey) {
      const id = state.nextPreKeyId++
      const pair = Curve.generateKeyPair()
      await keys.set({ 'pre-key': { [id]: pair } })
      bundle.preKeyId = id
      bundle.preKey = hex(pair.public)
    }
    return bundle
  },

  // {name, preKeyId} -> {present}: whether the one-time pre-key is still stored (libsignal removes it once used)
  async signalHasPreKey({ name, preKeyId }) {
    const { [preKeyId]: key } = await party(name).keys.get('pre-key', [String(preKeyId)])
    return { present: !!key }
  },

  // {name, jid, bundle} -> {}: X3DH as initiator, the way Baileys' parseAndInjectE2ESessions feeds a bundle in
  async signalProcessBundle({ name, jid, bundle }) {
    const key = (id, pub, signature) => ({
      keyId: id,
      publicKey: generateSignalPubKey(bytes(pub, 'public key')),
      ...(signature ? { signature: bytes(signature, 'signature') } : {}),
    })
    await party(name).repository.injectE2ESession({
      jid,
      session: {
        registrationId: bundle.registrationId,
        identityKey: generateSignalPubKey(bytes(bundle.identityKey, 'identity key')),
        signedPreKey: key(bundle.signedPreKeyId, bundle.signedPreKey, bundle.signedPreKeySignature),
        preKey: bundle.preKey ? key(bundle.preKeyId, bundle.preKey) : undefined,
      },
    })
    return {}
  },

  // {name, jid, plaintext} -> {type: 'pkmsg'|'msg', ciphertext}
  async signalEncrypt({ name, jid, plaintext }) {
    const { type, ciphertext } = await party(name).repository.encryptMessage({ jid, data: bytes(plaintext, 'plaintext') })
    return { type, ciphertext: hex(ciphertext) }
  },

  // {name, jid, type, ciphertext} -> {plaintext}
  async signalDecrypt({ name, jid, type, ciphertext }) {
    const plaintext = await party(name).repository.decryptMessage({ jid, type, ciphertext: bytes(ciphertext, 'ciphertext') })
    return { plaintext: hex(plaintext) }
  },

  // {name, jid} -> {identityKey}: the identity Baileys stored for the peer (hex of its 33 bytes), or null
  async signalPeerIdentity({ name, jid }) {
    const address = party(name).repository.jidToSignalProtocolAddress(jid)
    const { [address]: key } = await party(name).keys.get('identity-key', [address])
    return { identityKey: key ? hex(key) : null }
  },
}
