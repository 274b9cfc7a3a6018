#!/usr/bin/env bash
# Posting a text status to 500 contacts × 2 devices, first and second post, Java beside Baileys against the same
# simulator. See bench/README.md.
#
#   bench/status-post.sh [--contacts 500] [--companions 1] [--repetitions 5] [--warmup 1] [--stores "memory jpa"]
#                        [--skip-baileys]
#
# One standalone simulator (its own JVM, loopback only) for the whole run: contacts are set up once (each has its
# phone, device 0, and --companions virtual companions with real key material); then Java and Baileys take turns,
# a fresh process per repetition and side. JVM options: BENCH_JAVA_OPTS for the Java poster (default -Xmx512m, the server's),
# SIM_JAVA_OPTS for the simulator (default -Xmx4g). The "jpa" stores need PostgreSQL on 127.0.0.1:5432, database
# test, user postgres (as the integration tests). Writes target/bench/status-{java,baileys}.tsv, prints a table.
set -euo pipefail

contacts=500
companions=1
repetitions=5
warmup=1
stores="memory jpa"
skip_baileys=false
while [ $# -gt 0 ]; do
    case "$1" in
        --contacts) contacts="$2"; shift 2 ;;
        --companions) companions="$2"; shift 2 ;;
        --repetitions) repetitions="$2"; shift 2 ;;
        --warmup) warmup="$2"; shift 2 ;;
        --stores) stores="$2"; shift 2 ;;
        --skip-baileys) skip_baileys=true; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=bench/common.sh
source bench/common.sh
java_opts=${BENCH_JAVA_OPTS:--Xmx512m}
# nodelay: the JDK HTTP server otherwise answers many small control requests 40 ms late (Nagle, delayed ACK)
sim_opts=${SIM_JAVA_OPTS:--Xmx4g -Dsun.net.httpserver.nodelay=true}

bench_build


start_simulator

# Java and Baileys take turns, one repetition each, so that background load (a shared machine) hits both alike;
# each process first posts --warmup times untimed (class loading, JIT), then once timed.
# Every first post uses a one-time pre-key of each device: enough for all posters of both sides.
one_time_keys=$(( repetitions * (warmup + 1) * 3 + 2 ))
contacts_file="$out/status-contacts.tsv"
# shellcheck disable=SC2086
java $java_opts -cp "$classpath" app.statustracker.bench.StatusPostBench --setup --control-url "$control_url" \
    --contacts-file "$contacts_file" --contacts "$contacts" --companions "$companions" --one-time-keys "$one_time_keys"

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
: > "$out/status-java.tsv"
: > "$out/status-baileys.tsv"
for rep in $(seq 1 "$repetitions"); do
    echo "repetition $rep: Java ($stores) ..." >&2
    # shellcheck disable=SC2086
    java $java_opts -cp "$classpath" app.statustracker.bench.StatusPostBench --control-url "$control_url" \
        --contacts-file "$contacts_file" --repetitions 1 --warmup "$warmup" --stores "$stores" \
        --phone-prefix "$(printf '17%02d' $((rep % 100)))" \
        2> >(grep -v 'flywaydb\|^INFO' >&2) >> "$out/status-java.tsv" || echo "Java side failed" >&2
    if ! $skip_baileys; then
        echo "repetition $rep: Baileys ..." >&2
        node src/test/node/bench/status-post.mjs --control-url "$control_url" --contacts-file "$contacts_file" \
            --repetitions 1 --warmup "$warmup" --phone-prefix "$(printf '18%02d' $((rep % 100)))" \
            >> "$out/status-baileys.tsv" || echo "Baileys side failed" >&2
    fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
stop_simulator

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
echo
echo "$(date -u +%Y-%m-%d), ${cpu:-unknown CPU} × $(nproc 2>/dev/null || echo '?') cores," \
     "$(java -version 2>&1 | head -1), Node $(node --version); $contacts contacts × $((companions + 1)) devices;" \
     "$repetitions repetitions, each after $warmup warm-up post(s) in its process; load average $load_before before, $load_after after;" \
     "milliseconds from the post call to the server ack, median (min-max)"
echo
awk -F'\t' '
    function median(list, n,    sorted, i, j, t) {
        for (i = 1; i <= n; i++) sorted[i] = list[i]
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (sorted[j] < sorted[i]) { t = sorted[i]; sorted[i] = sorted[j]; sorted[j] = t }
        lo = sorted[1]; hi = sorted[n]
        return n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
    }
    $3 == "warmup" { next }
    {
        key = $1 " (" $2 ")"
        if (!(key in n)) order[++keys] = key
        n[key]++; first[key, n[key]] = $4; second[key, n[key]] = $5; pw1[key] = $6; pw2[key] = $7
    }
    END {
        print "| poster | first post ms | second post ms | pairwise parts (first / second) |"
        print "|---|--:|--:|--:|"
        for (k = 1; k <= keys; k++) {
            key = order[k]
            for (i = 1; i <= n[key]; i++) { a[i] = first[key, i]; b[i] = second[key, i] }
            m1[key] = median(a, n[key]); r1 = sprintf("%.0f-%.0f", lo, hi)
            m2[key] = median(b, n[key]); r2 = sprintf("%.0f-%.0f", lo, hi)
            printf "| %s | %.0f (%s) | %.0f (%s) | %s / %s |\n", key, m1[key], r1, m2[key], r2, pw1[key], pw2[key]
        }
        base = "baileys (memory)"
        if (base in m1) {
            print ""
            print "| speedup over Baileys (median) | first post | second post |"
            print "|---|--:|--:|"
            for (k = 1; k <= keys; k++) {
                key = order[k]
                if (key == base) continue
                printf "| %s | %.1f× | %.1f× |\n", key, m1[base] / m1[key], m2[base] / m2[key]
            }
        }
    }
' "$out/status-java.tsv" "$out/status-baileys.tsv"
