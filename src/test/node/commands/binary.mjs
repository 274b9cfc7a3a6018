// Baileys' own binary node codec, so Java tests compare against the real thing at test time.
import { encodeBinaryNode, decodeBinaryNode } from '@whiskeysockets/baileys/lib/WABinary/index.js'
import { fromJson, toJson } from './node-json.mjs'

export default {
  // {node} -> {hex}: frame plaintext including Baileys' leading 0x00 flag byte
  async encode({ node }) {
    return { hex: encodeBinaryNode(fromJson(node)).toString('hex') }
  },

  // {hex} -> {node}: flag byte first; bit 0x02 means the rest is zlib-compressed
  async decode({ hex }) {
    return { node: toJson(await decodeBinaryNode(Buffer.from(hex, 'hex'))) }
  },
}
