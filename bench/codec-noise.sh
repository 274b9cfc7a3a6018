#!/usr/bin/env bash
# Codec and Noise transport throughput, Java beside Baileys on the same input. See bench/README.md.
#
#   bench/codec-noise.sh [--warmup-ms 5000] [--iteration-ms 200] [--iterations 20]
#
# The options go to both sides unchanged. JVM options: BENCH_JAVA_OPTS (default -Xmx512m, the server's).
# Writes target/bench/{input.json,java.tsv,baileys.tsv} and prints a Markdown table.
set -euo pipefail

operations=(encode decode encode+decode transport-encrypt transport-decrypt
            'send(encode+encrypt)' 'receive(decrypt+decode)')

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=bench/common.sh
source bench/common.sh

bench_build

java_bench() {
    # shellcheck disable=SC2086
    java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$classpath" \
        app.statustracker.bench.CodecNoiseBench "$@"
}

# the shared input: Java writes the node, its encoding and the first transport frames; Node checks them
java_bench --input "$out/input.json" --only encode --warmup-ms 0 --iterations 1 --iteration-ms 1 > /dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

# One process per operation and side, Java and Node taking turns and never running at the same time:
# a fresh JIT profile per operation (as JMH forks do), and background load, if any, hits both sides alike.
: > "$out/java.tsv"
: > "$out/baileys.tsv"
for op in "${operations[@]}"; do
    echo "$op: Java ..." >&2
    java_bench --only "$op" "$@" >> "$out/java.tsv"
    echo "$op: Baileys ..." >&2
    node src/test/node/bench/codec-noise.mjs --input "$out/input.json" --only "$op" "$@" >> "$out/baileys.tsv"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
echo
echo "$(date -u +%Y-%m-%d), ${cpu:-unknown CPU} × $(nproc 2>/dev/null || echo '?') cores," \
     "$(java -version 2>&1 | head -1), Node $(node --version); load average $load_before before, $load_after after;" \
     "1024-byte frame, MB = 10^6 bytes, median of the iterations (min-max)"
echo
awk -F'\t' '
    NR == FNR { median[$1] = $2; spread[$1] = $3 "-" $4; next }
    FNR == 1 {
        print "| operation | Java MB/s | Baileys MB/s | ratio |"
        print "|---|--:|--:|--:|"
    }
    {
        ratio = median[$1] > 0 ? sprintf("%.1f×", $2 / median[$1]) : "?"
        printf "| %s | %s (%s) | %s (%s) | %s |\n", $1, $2, $3 "-" $4, median[$1], spread[$1], ratio
    }
' "$out/baileys.tsv" "$out/java.tsv"
