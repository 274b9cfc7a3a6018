// Test driver for the pinned Baileys release, spoken to by Java tests (app.statustracker.testing.BaileysDriver).
//
// Protocol: JSON lines. Each request on stdin is {"id": <string|number>, "cmd": "<name>", ...arguments};
// each answer on stdout is {"id", "ok": true, "result": {...}} or {"id", "ok": false, "error": "..."}.
// Commands that run in the background (a connected socket, later) may write unsolicited lines
// {"event": "<name>", "data": {...}} without an id. stdout carries nothing else: diagnostics go to stderr.
// The driver exits when stdin closes.
//
// Commands live in ./commands/<module>.mjs; each module exports an object of async handlers. Modules are
// loaded on first use so a codec test does not pay for importing the whole socket stack.
import { createInterface } from 'node:readline'
import { commandModules } from './commands/index.mjs'

const loaded = new Map()

function send(message) {
  process.stdout.write(JSON.stringify(message) + '\n')
}

const context = {
  emit: (event, data) => send({ event, data: data ?? {} }),
  log: (...args) => console.error('[baileys-driver]', ...args),
}

async function handlerFor(cmd) {
  const file = commandModules[cmd]
  if (!file) throw new Error(`unknown command: ${cmd}`)
  if (!loaded.has(file)) loaded.set(file, import(new URL(`./commands/${file}`, import.meta.url)))
  const handler = (await loaded.get(file)).default[cmd]
  if (typeof handler !== 'function') throw new Error(`module ${file} does not implement ${cmd}`)
  return handler
}

async function handle(line) {
  let request
  try {
    request = JSON.parse(line)
  } catch (err) {
    send({ id: null, ok: false, error: `request is not JSON: ${err.message}` })
    return
  }
  const { id = null, cmd, ...args } = request
  try {
    const result = await (await handlerFor(cmd))(args, context)
    send({ id, ok: true, result: result ?? {} })
  } catch (err) {
    send({ id, ok: false, error: err?.stack ?? String(err) })
  }
}

const pending = new Set()
const input = createInterface({ input: process.stdin, crlfDelay: Infinity })
input.on('line', line => {
  if (!line.trim()) return
  // requests run concurrently; answers carry the id, so their order does not matter
  const task = handle(line).finally(() => pending.delete(task))
  pending.add(task)
})
input.on('close', async () => {
  await Promise.allSettled([...pending])
  process.exit(0)
})
