// Baileys' own sender-key port (lib/Signal/Group/*.js), driven the way Baileys drives it in lib/Signal/libsignal.js:
// a SenderKeyName of (group, ProtocolAddress(signal user, device)), GroupSessionBuilder.create/process and
// GroupCipher.encrypt/decrypt over a store whose loadSenderKey answers an empty SenderKeyRecord when nothing is
// stored, and whose records go through the same JSON serialize/deserialize as Baileys' signalStorage. Java tests
// check their sender keys against it (docs/protocol.md, Signal).
//
// Several independent stores live in this process, named by `store` (one per simulated device), each a map from
// SenderKeyName.toString() (`<group>::<user>::<device>`) to the stored bytes. Byte strings travel as hex.
//
// Baileys rc14 quirk: its JSON round trip turns the kept message keys of skipped iterations into plain objects
// ({type: 'Buffer', data: [...]}, which BufferJSON.reviver does not revive), so decrypting a skipped iteration
// later fails with "Expected Buffer instead of: Object". A store first used with `live: true` keeps the record
// objects instead, which is what Baileys' cipher does in memory; tests of out-of-order delivery use that.
import { createRequire } from 'node:module'
import {
  GroupCipher,
  GroupSessionBuilder,
  SenderKeyDistributionMessage,
  SenderKeyName,
  SenderKeyRecord,
} from '@whiskeysockets/baileys/lib/Signal/Group/index.js'

const require = createRequire(import.meta.url)
const fromBaileys = createRequire(require.resolve('@whiskeysockets/baileys/package.json'))
const { ProtocolAddress } = fromBaileys('libsignal')

const stores = new Map()

function bytes(hex, what) {
  if (typeof hex !== 'string' || !/^([0-9a-f]{2})*$/i.test(hex)) throw new Error(`${what} must be hex`)
  return Buffer.from(hex, 'hex')
}

function storeNamed({ store, live }) {
  if (typeof store !== 'string' || !store) throw new Error('store must be a non-empty string')
  if (!stores.has(store)) {
    const records = new Map()
    stores.set(store, live === true
      ? {
          async loadSenderKey(senderKeyName) {
            return records.get(senderKeyName.toString()) ?? new SenderKeyRecord()
          },
          async storeSenderKey(senderKeyName, record) {
            records.set(senderKeyName.toString(), record)
          },
        }
      : {
          async loadSenderKey(senderKeyName) {
            const stored = records.get(senderKeyName.toString())
            return stored ? SenderKeyRecord.deserialize(stored) : new SenderKeyRecord()
          },
          async storeSenderKey(senderKeyName, record) {
            records.set(senderKeyName.toString(), Buffer.from(JSON.stringify(record.serialize()), 'utf-8'))
          },
        })
  }
  return stores.get(store)
}

function senderKeyName({ group, user, device }) {
  if (typeof group !== 'string' || typeof user !== 'string' || !Number.isInteger(device)) {
    throw new Error('need group (string), user (signal user, string) and device (integer)')
  }
  return new SenderKeyName(group, new ProtocolAddress(user, device))
}

export default {
  // Every command takes {store, live?, group, user, device}; `live` matters only on a store's first use.

  // {store, group, user, device} -> {skdm, keyId, iteration, name}: GroupSessionBuilder.create, i.e. our own
  // sender key (made on first use) and the SKDM of its current chain state
  async groupCreateSkdm(args) {
    const name = senderKeyName(args)
    const skdm = await new GroupSessionBuilder(storeNamed(args)).create(name)
    return {
      skdm: Buffer.from(skdm.serialize()).toString('hex'),
      keyId: skdm.getId(),
      iteration: skdm.getIteration(),
      name: name.toString(),
    }
  },

  // {store, group, user, device, skdm} -> {}: GroupSessionBuilder.process of received SKDM bytes
  async groupProcessSkdm(args) {
    const message = new SenderKeyDistributionMessage(null, null, null, null, bytes(args.skdm, 'skdm'))
    await new GroupSessionBuilder(storeNamed(args)).process(senderKeyName(args), message)
    return {}
  },

  // {store, group, user, device, plaintext} -> {ciphertext}: GroupCipher.encrypt (skmsg bytes)
  async groupEncrypt(args) {
    const ciphertext = await new GroupCipher(storeNamed(args), senderKeyName(args))
      .encrypt(bytes(args.plaintext, 'plaintext'))
    return { ciphertext: Buffer.from(ciphertext).toString('hex') }
  },

  // {store, group, user, device, ciphertext} -> {plaintext}: GroupCipher.decrypt; its errors reach the caller
  async groupDecrypt(args) {
    const plaintext = await new GroupCipher(storeNamed(args), senderKeyName(args))
      .decrypt(bytes(args.ciphertext, 'ciphertext'))
    return { plaintext: Buffer.from(plaintext).toString('hex') }
  },
}
