#!/usr/bin/env bash
# Event fan-out of the deployed WAR: 1,000 Socket.IO and 1,000 /ws clients receive the coalesced
# status-viewers-update of statuses with 1,000 viewers while the simulator streams their receipts at 5,000/s.
# See bench/README.md.
#
#   bench/fanout.sh [--contacts 1000] [--statuses 5] [--socketio 1000] [--ws 1000] [--rate 5000] [--sample 20]
#                   [--db postgresql|h2] [--skip-baileys]
#
# The service runs as users start it (the launcher, Payara Micro, the WAR), on PostgreSQL at 127.0.0.1:5432
# (database test, user postgres; a fresh schema, dropped at the end) or on its embedded H2. The clients are one
# Node process (src/test/node/bench/fanout-clients.mjs, unmodified socket.io-client and ws). Then the same clients
# and the same receipts against the reference: Baileys with a socket.io server, as the seed's Node original
# (src/test/node/bench/fanout-baileys-server.mjs, no database). JVM options:
# FANOUT_SERVER_JAVA_OPTS for the server (default: the launcher's -Xmx512m), SIM_JAVA_OPTS for the simulator.
# Writes target/bench/fanout-*.{tsv,out} and prints a table.
set -euo pipefail

contacts=1000
statuses=5
socketio=1000
ws=1000
rate=5000
sample=20
db=postgresql
skip_baileys=false
while [ $# -gt 0 ]; do
    case "$1" in
        --contacts) contacts="$2"; shift 2 ;;
        --statuses) statuses="$2"; shift 2 ;;
        --socketio) socketio="$2"; shift 2 ;;
        --ws) ws="$2"; shift 2 ;;
        --rate) rate="$2"; shift 2 ;;
        --sample) sample="$2"; shift 2 ;;
        --db) db="$2"; shift 2 ;;
        --skip-baileys) skip_baileys=true; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=bench/common.sh
source bench/common.sh
sim_opts=${SIM_JAVA_OPTS:--Xmx4g -Dsun.net.httpserver.nodelay=true}
api_key=bench-fanout-api-key-0123456789abcdef
# the table reads every fanout-* file: none may be left from an earlier run (say with the reference, now skipped)
rm -f "$out"/fanout-*

bench_build_war
source bench/media-server.sh

schema=
clients_pid=
reference_pid=
cleanup() {
    [ -n "$clients_pid" ] && kill "$clients_pid" 2>/dev/null || true
    [ -n "$reference_pid" ] && kill "$reference_pid" 2>/dev/null || true
    stop_server
    stop_simulator
    if [ -n "$schema" ]; then
        psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT

# heap used by a JVM (survivors + eden + old, KB) after a full collection
heap_after_gc_kb() {
    jcmd "$1" GC.run > /dev/null
    sleep 2
    jstat -gc "$1" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
        NR == 2 { printf "%d\n", $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"] }'
}

start_simulator
simulator_endpoints
contacts_file="$out/fanout-contacts.tsv"
java -Xmx512m -cp "$classpath" app.statustracker.bench.StatusPostBench --setup --control-url "$control_url" \
    --contacts-file "$contacts_file" --contacts "$contacts" --companions 0 --one-time-keys 2

if [ "$db" = postgresql ]; then
    schema="st_fanout_$(date +%s)"
    psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema" >/dev/null
    export DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema" DB_USER=postgres DB_PASSWORD=
fi
# the harness asks status-viewers every 100 ms until every read is recorded: the bench is one client address
export RATE_LIMIT_MAX=1000000
start_server fanout "${FANOUT_SERVER_JAVA_OPTS:-}" || exit 1
bench() {
    java -Xmx512m -cp "$classpath" app.statustracker.bench.FanOutBench --api "$server_url" --api-key "$api_key" \
        --control-url "$control_url" --contacts-file "$contacts_file" --statuses-file "$out/fanout-statuses.txt" "$@"
}
echo "linking a session and posting $statuses statuses to $contacts contacts ..." >&2
bench --mode prepare --statuses "$statuses"

heap_before=$(heap_after_gc_kb "$server_pid")

# start_clients LABEL URL: the client fleet against one side; returns once all are connected (or failed)
start_clients() {
    local label=$1 url=$2
    echo "$label: connecting $socketio Socket.IO and $ws /ws clients ..." >&2
    node src/test/node/bench/fanout-clients.mjs --url "$url" --api-key "$api_key" --socketio "$socketio" \
        --ws "$ws" --sample "$sample" --expect-views "$((statuses * contacts))" \
        --injections "$out/fanout-$label-injections.tsv" \
        > "$out/fanout-$label-clients.out" 2> "$out/fanout-$label-clients.err" &
    clients_pid=$!
    for _ in $(seq 1 600); do
        grep -q '^ready' "$out/fanout-$label-clients.out" && return 0
        kill -0 "$clients_pid" 2>/dev/null || { echo "the clients exited; see $out/fanout-$label-clients.err" >&2; exit 1; }
        sleep 0.5
    done
    echo "the clients did not connect within 5 minutes" >&2
    exit 1
}

# finish_clients LABEL: waits until the sampled clients have seen every read (the last lists go out one coalescing
# interval after the last receipt), 120 s at most; keeps their summary
finish_clients() {
    local label=$1
    for _ in $(seq 1 240); do
        kill -0 "$clients_pid" 2>/dev/null || break
        sleep 0.5
    done
    kill -TERM "$clients_pid" 2>/dev/null || true
    wait "$clients_pid" || true
    clients_pid=
    grep '^{' "$out/fanout-$label-clients.out" | tail -1 > "$out/fanout-$label-summary.json"
    [ -s "$out/fanout-$label-summary.json" ] || { echo "no summary from the $label clients" >&2; exit 1; }
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
start_clients service "$server_url"
heap_after=$(heap_after_gc_kb "$server_pid")
echo "service: streaming $((contacts * statuses * 2)) receipts at $rate/s ..." >&2
bench --mode stream --rate "$rate" --injections "$out/fanout-service-injections.tsv" > "$out/fanout-service-stream.tsv"
finish_clients service
stop_server

if ! $skip_baileys; then
    echo "Baileys reference: linking, posting $statuses statuses to $contacts contacts ..." >&2
    node --expose-gc src/test/node/bench/fanout-baileys-server.mjs --control-url "$control_url" \
        --contacts-file "$contacts_file" --statuses "$statuses" --expect-clients "$((socketio + ws))" \
        > "$out/fanout-baileys-server.out" 2> "$out/fanout-baileys-server.err" &
    reference_pid=$!
    for _ in $(seq 1 1200); do
        grep -q '^listening' "$out/fanout-baileys-server.out" && break
        kill -0 "$reference_pid" 2>/dev/null || { echo "the reference exited; see $out/fanout-baileys-server.err" >&2; exit 1; }
        sleep 0.5
    done
    reference_port=$(sed -n 's/^listening //p' "$out/fanout-baileys-server.out")
    [ -n "$reference_port" ] || { echo "the reference did not start within 10 minutes" >&2; exit 1; }
    sed -n 's/^statuses //p' "$out/fanout-baileys-server.out" | tr ',' '\n' > "$out/fanout-baileys-statuses.txt"
    start_clients baileys "http://127.0.0.1:$reference_port"
    sleep 3 # the reference samples its heap 2 s after the last client connected
    echo "Baileys reference: streaming $((contacts * statuses * 2)) receipts at $rate/s ..." >&2
    java -Xmx512m -cp "$classpath" app.statustracker.bench.FanOutBench --control-url "$control_url" \
        --contacts-file "$contacts_file" --statuses-file "$out/fanout-baileys-statuses.txt" --mode stream \
        --rate "$rate" --injections "$out/fanout-baileys-injections.tsv" > "$out/fanout-baileys-stream.tsv"
    finish_clients baileys
    kill -TERM "$reference_pid" 2>/dev/null || true
    wait "$reference_pid" || true
    reference_pid=
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
echo
echo "$(date -u +%Y-%m-%d), ${cpu:-unknown CPU} × $(nproc 2>/dev/null || echo '?') cores," \
     "$(java -version 2>&1 | head -1), Node $(node --version), $db; $statuses statuses × $contacts viewers," \
     "receipts paced at $rate/s; $socketio Socket.IO + $ws /ws clients; server ${FANOUT_SERVER_JAVA_OPTS:--Xmx512m};" \
     "load average $load_before before, $load_after after"
echo
node src/test/node/bench/fanout-table.mjs --out "$out" --clients "$((socketio + ws))" \
    --service-heap "$heap_before $heap_after" | tee "$out/fanout-table.md"
