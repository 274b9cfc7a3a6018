import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export default {
  // liveness check used by the Java side right after start-up
  async ping() {
    return { pong: true }
  },

  // which Baileys actually answers; tests assert it is the pinned one
  async version() {
    const pkg = JSON.parse(readFileSync(require.resolve('@whiskeysockets/baileys/package.json'), 'utf8'))
    return { baileys: pkg.version, node: process.versions.node }
  },
}
