// Event fan-out clients for bench/fanout.sh: --socketio N unmodified socket.io-client sockets (default options) and
// --ws M plain WebSocket clients of /ws, all in this process. Every client counts the status-viewers-update events
// and bytes it gets; --sample K clients of each kind also parse every viewer list and note, per (status, viewer),
// when a read first showed up. Prints "ready N" once all are connected; on SIGTERM, --max-seconds or once the sampled
// clients saw --expect-views reads (and half a second more for the others' last events) it reads the
// harness's injection times (--injections, lines "statusId\tphone\tepochMs") and prints one JSON summary line.
import { readFileSync } from 'node:fs';
import { io } from 'socket.io-client';
import WebSocket from 'ws';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
    a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs, []));
const url = args.url;
const apiKey = args['api-key'];
const socketioCount = Number(args.socketio ?? 1000);
const wsCount = Number(args.ws ?? 1000);
const sample = Number(args.sample ?? 20);
const maxSeconds = Number(args['max-seconds'] ?? 600);
const connectConcurrency = Number(args['connect-concurrency'] ?? 50);
const connectTimeoutMs = Number(args['connect-timeout-ms'] ?? 30000);
// finish by itself once the sampled clients of each kind have seen this many reads (statuses × viewers)
const expectViews = Number(args['expect-views'] ?? 0);

const EVENT = 'status-viewers-update';
const stats = {
    socketio: { clients: socketioCount, connected: 0, failed: 0, closed: 0, events: 0, bytes: 0 },
    ws: { clients: wsCount, connected: 0, failed: 0, closed: 0, events: 0, bytes: 0 },
};
let firstEventMs = 0;
let lastEventMs = 0;
// kind -> Map("status\tphone" -> first arrival ms of a viewedAt), for the sampled clients only (the earliest of them)
const firstSeen = { socketio: new Map(), ws: new Map() };

function onUpdate(kind, data, bytes, sampled) {
    const now = Date.now();
    if (!firstEventMs) firstEventMs = now;
    lastEventMs = now;
    stats[kind].events++;
    stats[kind].bytes += bytes;
    if (!sampled) return;
    const seen = firstSeen[kind];
    for (const v of data.viewers) {
        if (v.viewedAt == null) continue;
        const key = data.statusId + '\t' + v.phoneNumber;
        if (!seen.has(key)) seen.set(key, now);
    }
    if (expectViews && firstSeen.socketio.size + firstSeen.ws.size >= expectViews * ((socketioCount && wsCount) ? 2 : 1)) {
        setTimeout(finish, 500);
    }
}

function connectSocketIo(i) {
    return new Promise((resolve, reject) => {
        const sampled = i < sample;
        const socket = io(url, { auth: { token: apiKey }, reconnection: false });
        // socket.io-client hands over parsed objects, not their size: bytes are counted on /ws only
        socket.on(EVENT, (data) => onUpdate('socketio', data, 0, sampled));
        socket.once('connect', () => { stats.socketio.connected++; resolve(socket); });
        socket.once('connect_error', reject);
        socket.on('disconnect', () => { stats.socketio.closed++; });
    });
}

function connectWs(i) {
    return new Promise((resolve, reject) => {
        const sampled = i < sample;
        const ws = new WebSocket(url.replace(/^http/, 'ws') + '/ws', { headers: { 'x-api-key': apiKey } });
        ws.on('message', (raw) => {
            const text = raw.toString();
            // every client parses only the event name unless sampled: a dashboard would parse, but 1,000 parsers
            // in one Node process would measure this process, not the server
            if (!text.startsWith('{"event":"' + EVENT + '"')) return;
            onUpdate('ws', sampled ? JSON.parse(text).data : null, text.length, sampled);
        });
        ws.once('open', () => { stats.ws.connected++; resolve(ws); });
        ws.once('error', reject);
        ws.on('close', () => { stats.ws.closed++; });
    });
}

// a client that neither connects nor fails within the time limit counts as failed, so a stuck handshake shows in
// the summary instead of stalling the run
function withTimeout(kind, promise) {
    let timer;
    const limit = new Promise((resolve, reject) => {
        timer = setTimeout(() => reject(new Error('no connect within ' + connectTimeoutMs + ' ms')), connectTimeoutMs);
    });
    return Promise.race([promise, limit]).finally(() => clearTimeout(timer)).catch((e) => {
        stats[kind].failed++;
        console.error(kind + ' client failed to connect: ' + e.message);
        return null;
    });
}

async function connectAll(kind, count, connect) {
    const clients = [];
    for (let i = 0; i < count; i += connectConcurrency) {
        const batch = [];
        for (let j = i; j < Math.min(count, i + connectConcurrency); j++) batch.push(withTimeout(kind, connect(j)));
        clients.push(...(await Promise.all(batch)).filter((c) => c !== null));
    }
    return clients;
}

function percentile(sorted, p) {
    if (!sorted.length) return null;
    return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
}

function summary() {
    const injected = new Map();
    if (args.injections) {
        for (const line of readFileSync(args.injections, 'utf8').split('\n')) {
            const [status, phone, ms] = line.split('\t');
            if (ms) injected.set(status + '\t' + phone, Number(ms));
        }
    }
    const latency = {};
    for (const kind of ['socketio', 'ws']) {
        const list = [];
        for (const [key, at] of firstSeen[kind]) {
            if (injected.has(key)) list.push(at - injected.get(key));
        }
        list.sort((a, b) => a - b);
        latency[kind] = { views: list.length, p50: percentile(list, 50), p99: percentile(list, 99),
            max: list.length ? list[list.length - 1] : null };
    }
    return { stats, firstEventMs, lastEventMs, latency, injectedViews: injected.size };
}

const started = Date.now();
const sockets = await connectAll('socketio', socketioCount, connectSocketIo);
const wss = await connectAll('ws', wsCount, connectWs);
console.log(`ready ${sockets.length + wss.length} ${Date.now() - started}`);

let done = false;
function finish() {
    if (done) return;
    done = true;
    console.log(JSON.stringify(summary()));
    for (const s of sockets) s.close();
    for (const w of wss) w.terminate();
    setTimeout(() => process.exit(0), 200);
}
process.on('SIGTERM', finish);
process.on('SIGINT', finish);
setTimeout(finish, maxSeconds * 1000);
