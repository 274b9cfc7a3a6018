#!/usr/bin/env bash
# Status receipts recorded per second for one session in PostgreSQL, through the product's receipt path; Baileys'
# raw receipt-event rate as a labelled reference. See bench/README.md.
#
#   bench/receipts.sh [--statuses 10] [--viewers 5000] [--skip-simulator] [--skip-baileys]
#
# Needs PostgreSQL on 127.0.0.1:5432, database test, user postgres (as the integration tests); each run migrates a
# fresh schema and drops it. Three measurements, one after the other: "direct" (batcher + upserts alone), then
# "simulator" (simulator → our client → batcher → PostgreSQL → ack) and Baileys' events, each with a fresh
# standalone simulator. JVM options: BENCH_JAVA_OPTS (default -Xmx1g), SIM_JAVA_OPTS (default -Xmx4g).
# Writes target/bench/receipts.tsv and prints a table.
set -euo pipefail

statuses=10
viewers=5000
skip_simulator=false
skip_baileys=false
while [ $# -gt 0 ]; do
    case "$1" in
        --statuses) statuses="$2"; shift 2 ;;
        --viewers) viewers="$2"; shift 2 ;;
        --skip-simulator) skip_simulator=true; shift ;;
        --skip-baileys) skip_baileys=true; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=bench/common.sh
source bench/common.sh
java_opts=${BENCH_JAVA_OPTS:--Xmx1g}
# nodelay: the JDK HTTP server otherwise answers many small control requests 40 ms late (Nagle, delayed ACK)
sim_opts=${SIM_JAVA_OPTS:--Xmx4g -Dsun.net.httpserver.nodelay=true}

bench_build



java_bench() {
    # shellcheck disable=SC2086
    java $java_opts -cp "$classpath" app.statustracker.bench.ReceiptIngestBench --statuses "$statuses" \
        --viewers "$viewers" "$@" 2> >(grep -v 'flywaydb\|^INFO' >&2)
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
: > "$out/receipts.tsv"
echo "Java, batcher and upserts alone ..." >&2
java_bench --mode direct >> "$out/receipts.tsv" || echo "the direct run failed" >&2
if ! $skip_simulator; then
    echo "Java, simulator → client → batcher → PostgreSQL ..." >&2
    start_simulator
    java_bench --mode simulator --control-url "$control_url" >> "$out/receipts.tsv" || echo "the simulator run failed" >&2
    stop_simulator
fi
if ! $skip_baileys; then
    echo "Baileys, receipt events (no persistence) ..." >&2
    start_simulator
    node src/test/node/bench/receipt-events.mjs --control-url "$control_url" --statuses "$statuses" \
        --viewers "$viewers" >> "$out/receipts.tsv" || echo "the Baileys run failed" >&2
    stop_simulator
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
echo
echo "$(date -u +%Y-%m-%d), ${cpu:-unknown CPU} × $(nproc 2>/dev/null || echo '?') cores," \
     "$(java -version 2>&1 | head -1), Node $(node --version), $(psql -V 2>/dev/null || echo PostgreSQL);" \
     "$statuses statuses × $viewers viewers × (delivery, read), one receipt per stanza;" \
     "load average $load_before before, $load_after after"
echo
awk -F'\t' '
    BEGIN {
        what["java direct"] = "Java: ReceiptBatcher + ViewerReceiptWriter on PostgreSQL (receipts handed over in-process)"
        what["java simulator"] = "Java: simulator → WaClient → ReceiptBatcher → PostgreSQL → ack"
        what["baileys events"] = "Baileys (reference, no persistence): simulator → socket → message-receipt.update"
        print "| path | receipts | seconds | receipts/s |"
        print "|---|--:|--:|--:|"
    }
    { printf "| %s | %d | %.2f | %d |\n", what[$1 " " $2], $3, $4, $5 }
' "$out/receipts.tsv"
