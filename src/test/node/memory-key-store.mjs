// The SignalKeyStore Baileys asks for: type → id → value, all in memory, gone with the process.
// Shared by the driver's sockets and the benchmarks.
export function memoryKeyStore() {
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
