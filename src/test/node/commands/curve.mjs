// libsignal's curve module (XEdDSA signatures and X25519), loaded exactly as Baileys loads it: Baileys imports
// 'libsignal/src/curve.js' (lib/Utils/crypto.js, lib/Signal/Group/*.js), the npm package "libsignal"
// (WhiskeySockets/libsignal-node) that its package.json depends on. Resolving from Baileys' own directory
// gives the copy Baileys itself runs, even if another libsignal were ever hoisted next to it.
//
// Keys and messages travel as hex. Public keys are the raw 32 bytes (no 0x05 type byte).
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const fromBaileys = createRequire(require.resolve('@whiskeysockets/baileys/package.json'))
const curve = fromBaileys('libsignal/src/curve.js')

const KEY_TYPE = Buffer.from([5])

function bytes(hex, what) {
  if (typeof hex !== 'string' || !/^([0-9a-f]{2})*$/i.test(hex)) throw new Error(`${what} must be hex`)
  return Buffer.from(hex, 'hex')
}

// libsignal wants 33-byte 0x05-prefixed public keys (a bare 32-byte key works but logs a warning)
function signalKey(hex) {
  return Buffer.concat([KEY_TYPE, bytes(hex, 'public key')])
}

export default {
  // {} -> {priv, pub}: libsignal's generateKeyPair (Node's X25519, clamped by OpenSSL)
  async curveKeyPair() {
    const { privKey, pubKey } = curve.generateKeyPair()
    return { priv: Buffer.from(privKey).toString('hex'), pub: Buffer.from(pubKey.subarray(1)).toString('hex') }
  },

  // {priv} -> {pub}: the public key libsignal derives from a private key
  async curvePublicKey({ priv }) {
    return { pub: Buffer.from(curve.getPublicFromPrivateKey(bytes(priv, 'private key')).subarray(1)).toString('hex') }
  },

  // {priv, msg} -> {sig}: calculateSignature, i.e. curve25519-js sign without randomness (deterministic)
  async curveSign({ priv, msg }) {
    return { sig: curve.calculateSignature(bytes(priv, 'private key'), bytes(msg, 'message')).toString('hex') }
  },

  // {pub, msg, sig} -> {valid}: verifySignature's own answer (not Baileys' Curve.verify wrapper, which
  // reports true for anything that does not throw)
  async curveVerify({ pub, msg, sig }) {
    return { valid: curve.verifySignature(signalKey(pub), bytes(msg, 'message'), bytes(sig, 'signature')) === true }
  },

  // {priv, pub} -> {shared}: calculateAgreement (X25519)
  async curveAgree({ priv, pub }) {
    return { shared: Buffer.from(curve.calculateAgreement(signalKey(pub), bytes(priv, 'private key'))).toString('hex') }
  },
}
