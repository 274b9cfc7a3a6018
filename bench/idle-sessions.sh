#!/usr/bin/env bash
# Idle linked sessions: memory per session and reconnect-all time, Java beside Baileys. See bench/README.md.
#
#   bench/idle-sessions.sh [--sessions "100 1000"] [--warmup 10] [--concurrency 20] [--idle-seconds 30]
#                          [--link-timeout-seconds 600] [--reconnect-timeout-seconds 120] [--skip-baileys]
#
# For each N, each side gets a fresh standalone simulator (its own JVM, loopback only) and its own process
# holding only the clients. JVM options: BENCH_JAVA_OPTS for the client JVM (default: what the launcher gives the
# server, -Xmx512m and its JDK WebSocket buffer sizes),
# SIM_JAVA_OPTS for the simulator (default -Xmx4g: it journals every stanza). Node runs with --expose-gc.
# Writes target/bench/idle-{java,baileys}.tsv and prints a Markdown table.
set -euo pipefail

sessions_list="100 1000"
skip_baileys=false
pass=()
while [ $# -gt 0 ]; do
    case "$1" in
        --sessions) sessions_list="$2"; shift 2 ;;
        --skip-baileys) skip_baileys=true; shift ;;
        --warmup|--concurrency|--idle-seconds|--link-timeout-seconds|--reconnect-timeout-seconds)
            pass+=("$1" "$2"); shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=bench/common.sh
source bench/common.sh
# the server's heap and the JDK WebSocket buffer sizes its launcher sets (TransportOptions.JDK_WEBSOCKET_JVM_OPTIONS)
java_opts=${BENCH_JAVA_OPTS:--Xmx512m -Djdk.httpclient.websocket.writeBufferSize=4096 -Djdk.httpclient.websocket.intermediateBufferSize=128 -Djdk.httpclient.bufsize=4096}
sim_opts=${SIM_JAVA_OPTS:--Xmx4g}

bench_build



load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
: > "$out/idle-java.tsv"
: > "$out/idle-baileys.tsv"
for n in $sessions_list; do
    echo "N=$n: Java ($java_opts) ..." >&2
    start_simulator
    # shellcheck disable=SC2086
    java $java_opts -cp "$classpath" app.statustracker.bench.IdleSessionsBench --control-url "$control_url" \
        --sessions "$n" "${pass[@]}" >> "$out/idle-java.tsv" || echo "Java side failed at N=$n" >&2
    stop_simulator
    if ! $skip_baileys; then
        echo "N=$n: Baileys ..." >&2
        start_simulator
        node --expose-gc src/test/node/bench/idle-sessions.mjs --control-url "$control_url" \
            --sessions "$n" "${pass[@]}" >> "$out/idle-baileys.tsv" || echo "Baileys side failed at N=$n" >&2
        stop_simulator
    fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
echo
echo "$(date -u +%Y-%m-%d), ${cpu:-unknown CPU} × $(nproc 2>/dev/null || echo '?') cores," \
     "$(java -version 2>&1 | head -1), Node $(node --version); client JVM $java_opts, simulator JVM $sim_opts;" \
     "load average $load_before before, $load_after after; KB = 1000 bytes"
echo
awk -F'\t' '
    function kb(b) { return sprintf("%.1f", b / 1000) }
    function ratio(b, j) { return j > 0 && b != "" ? sprintf("%.1f×", b / j) : "–" }
    function secs(s, done, n) { return s == "NaN" ? done "/" n " reached" : s }
    FILENAME == ARGV[1] { bheap[$2] = $3; brss[$2] = $4; bsec[$2] = $5; bdone[$2] = $6; blinked[$2] = $7; next }
    FNR == 1 {
        print "| N | Java heap/session | Java RSS/session | Baileys heap/session | Baileys RSS/session | ratio heap (RSS) | Java reconnect-all s | Baileys reconnect-all s |"
        print "|--:|--:|--:|--:|--:|--:|--:|--:|"
    }
    {
        n = $2
        b_heap = (n in bheap) ? kb(bheap[n]) " KB" : "–"
        if ((n in blinked) && blinked[n] < n) b_heap = b_heap " (" blinked[n] " linked)"
        b_rss = (n in brss) ? kb(brss[n]) " KB" : "–"
        b_sec = (n in bsec) ? secs(bsec[n], bdone[n], (n in blinked) ? blinked[n] : n) : "–"
        printf "| %s | %s KB | %s KB | %s | %s | %s (%s) | %s | %s |\n", n, kb($3), kb($4), b_heap, b_rss,
            ratio(bheap[n], $3), ratio(brss[n], $4), secs($5, $6, n), b_sec
    }
' "$out/idle-baileys.tsv" "$out/idle-java.tsv"
