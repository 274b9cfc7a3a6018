// What the status benchmarks share on Baileys' side: the simulator's control port, and a Baileys socket linked
// as a poster — a fresh simulator account whose phone scans the socket's QR, the 515 after pairing answered by a
// new socket on the same auth state, resolved once that socket is open and past its offline notifications.
// Socket options as the driver's (src/test/node/commands/socket.mjs), the driver's in-memory key store.
import makeWASocket, { Browsers, WA_CERT_DETAILS, initAuthCreds } from '@whiskeysockets/baileys'
import pino from 'pino'
import { memoryKeyStore } from '../memory-key-store.mjs'

const logger = pino({ level: 'silent' })

export const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))

export function controlClient(controlUrl) {
  const base = controlUrl.replace(/\/$/, '')
  return async function control(method, path, body) {
    const answer = await fetch(base + path, {
      method,
      headers: body ? { 'content-type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await answer.text()
    if (answer.status !== 200) throw new Error(`${method} ${path} answered ${answer.status}: ${text}`)
    return JSON.parse(text)
  }
}

// {control, info (GET /info), phone, timeoutMs?} -> the open socket
export async function linkPoster({ control, info, phone, timeoutMs = 60000 }) {
  WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(info.rootPublicKey, 'hex')
  WA_CERT_DETAILS.SERIAL = 0
  await control('POST', '/accounts', { phoneNumber: phone })
  const auth = { creds: initAuthCreds(), keys: memoryKeyStore() }
  let scanned = false
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${phone} not linked within ${timeoutMs} ms`)), timeoutMs)
    const connect = () => {
      const sock = makeWASocket({
        waWebSocketUrl: info.wsUrl,
        auth,
        browser: Browsers.ubuntu('Chrome'),
        shouldSyncHistoryMessage: () => false,
        markOnlineOnConnect: false,
        logger,
      })
      sock.ev.on('connection.update', update => {
        if (update.qr && !scanned) {
          scanned = true
          control('POST', `/accounts/${phone}/scan-qr`, { qr: update.qr }).catch(reject)
        }
        if (update.receivedPendingNotifications) {
          clearTimeout(timer)
          resolve(sock)
        }
        if (update.connection === 'close') {
          const status = update.lastDisconnect?.error?.output?.statusCode
          if (status === 515) connect()
          else if (!sock.benchStopping) reject(new Error(`${phone}: closed ${status}`))
        }
      })
    }
    connect()
  })
}

export async function stopSocket(sock) {
  sock.benchStopping = true
  await Promise.race([new Promise(resolve => {
    sock.ev.on('connection.update', update => update.connection === 'close' && resolve())
    sock.end(undefined)
  }), sleep(5000)])
}
