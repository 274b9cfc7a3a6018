// Socket.IO clients as the seed's users run them: the pinned socket.io-client, unmodified, with whatever options
// the test names (default: polling first, then the WebSocket upgrade). Each client records every event it gets.
import { io } from 'socket.io-client'

const clients = new Map()

function named(name) {
  const client = clients.get(name)
  if (!client) throw new Error(`no Socket.IO client named ${name}`)
  return client
}

function wake(client) {
  for (const waiter of client.waiters) waiter()
}

function matches(entry, where) {
  return Object.entries(where ?? {}).every(([path, expected]) => {
    const actual = path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), entry)
    return actual === expected
  })
}

export default {
  // {name, url, options?, settleMillis?} -> {connected, transport, error?, disconnectReason?}: opens a client and
  // answers once it connected (and stayed so for settleMillis) or was refused or disconnected
  async sioConnect({ name, url, options = {}, settleMillis = 500 }) {
    if (clients.has(name)) throw new Error(`client ${name} exists`)
    const client = { events: [], waiters: new Set(), state: 'connecting', error: null, reason: null, transport: null }
    clients.set(name, client)
    const socket = io(url, { reconnection: false, timeout: 10000, ...options })
    client.socket = socket
    socket.onAny((event, data) => {
      client.events.push({ event, data, at: Date.now() })
      wake(client)
    })
    socket.on('connect', () => {
      client.state = 'connected'
      client.transport = socket.io.engine.transport.name
      socket.io.engine.on('upgrade', transport => { client.transport = transport.name; wake(client) })
      wake(client)
    })
    socket.on('connect_error', error => {
      client.state = 'refused'
      client.error = String(error?.message ?? error)
      wake(client)
    })
    socket.on('disconnect', reason => {
      client.state = 'disconnected'
      client.reason = reason
      wake(client)
    })
    await new Promise(resolve => {
      const check = () => { if (client.state !== 'connecting') { client.waiters.delete(check); resolve() } }
      client.waiters.add(check)
      check()
    })
    if (client.state === 'connected') await new Promise(resolve => setTimeout(resolve, settleMillis))
    return { connected: client.state === 'connected', transport: client.transport, error: client.error,
      disconnectReason: client.reason }
  },

  // {name} -> {state, transport, reason, events: [{event, data, at}]}
  async sioRecorded({ name }) {
    const client = named(name)
    return { state: client.state, transport: client.transport, reason: client.reason, events: client.events }
  },

  // {name, event, where?, count?, timeoutMillis?} -> {matches}: waits until count events of that name match
  async sioAwait({ name, event, where, count = 1, timeoutMillis = 20000 }) {
    const client = named(name)
    const found = () => client.events.filter(e => e.event === event && matches(e.data, where))
    if (found().length >= count) return { matches: found() }
    return await new Promise((resolve, reject) => {
      const check = () => {
        if (found().length >= count) { clearTimeout(timer); client.waiters.delete(check); resolve({ matches: found() }) }
      }
      const timer = setTimeout(() => {
        client.waiters.delete(check)
        reject(new Error(`${name}: ${found().length} of ${count} '${event}' events within ${timeoutMillis} ms`))
      }, timeoutMillis)
      client.waiters.add(check)
    })
  },

  // {name, event, arg} -> {}: the client emits an event to the server (e.g. subscribe to one session)
  async sioEmit({ name, event, arg }) {
    named(name).socket.emit(event, arg)
    return {}
  },

  // {name} -> {}
  async sioClose({ name }) {
    const client = clients.get(name)
    if (client) {
      client.socket.close()
      clients.delete(name)
    }
    return {}
  },
}
