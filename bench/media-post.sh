#!/usr/bin/env bash
# Image and video statuses to 500 contacts × 2 devices through the deployed service's REST API, beside Baileys posting
# the same files against the same simulator; then the server's heap while a 50 MB video is uploaded and posted.
# See bench/README.md.
#
#   bench/media-post.sh [--repetitions 3] [--contacts 500] [--warmup 1] [--heap-sizes "512m 96m"]
#                       [--skip-baileys] [--skip-heap]
#
# One standalone simulator (its own JVM, loopback only, with its HTTPS media host) for the whole run; the audience is
# set up once as for status-post.sh (StatusPostBench --setup: each contact's phone and one virtual companion). Per
# repetition a fresh service process (the launcher, as users start it: Payara Micro with the WAR, H2 in a fresh
# DATA_DIR) and then a fresh Node process for Baileys take turns. SIM_JAVA_OPTS for the simulator (default -Xmx4g).
# Writes target/bench/media-{java,baileys,heap}.tsv, prints tables.
set -euo pipefail

repetitions=3
contacts=500
warmup=1
heap_sizes="512m 96m"
skip_baileys=false
skip_heap=false
while [ $# -gt 0 ]; do
    case "$1" in
        --repetitions) repetitions="$2"; shift 2 ;;
        --contacts) contacts="$2"; shift 2 ;;
        --warmup) warmup="$2"; shift 2 ;;
        --heap-sizes) heap_sizes="$2"; shift 2 ;;
        --skip-baileys) skip_baileys=true; shift ;;
        --skip-heap) skip_heap=true; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=bench/common.sh
source bench/common.sh
sim_opts=${SIM_JAVA_OPTS:--Xmx4g -Dsun.net.httpserver.nodelay=true}
api_key=bench-media-post-api-key-0123456789
media="$out/media"

bench_build_war

source bench/media-server.sh

cleanup() {
    stop_server
    stop_simulator
}
trap cleanup EXIT

# Test media, made once and kept: a 2 MB JPEG (noise, so it stays that large), 10 MB and 50 MB H.264 MP4s at a
# constant 20 Mbit/s (noise on the test pattern, else x264 makes a few hundred KB of it).
mkdir -p "$media"
photo="$media/photo-2mb.jpg"
video="$media/video-10mb.mp4"
big_video="$media/video-50mb.mp4"
[ -f "$photo" ] || java -cp "$classpath" app.statustracker.bench.MediaPostBench --make-photo "$photo"
make_video() { # target seconds
    [ -f "$1" ] && return 0
    echo "making $1 with ffmpeg ..." >&2
    ffmpeg -y -hide_banner -loglevel error -f lavfi -i "testsrc=size=1280x720:rate=25:duration=$2" \
        -vf "noise=alls=20:allf=t" -c:v libx264 -preset veryfast -pix_fmt yuv420p \
        -b:v 20M -minrate 20M -maxrate 20M -bufsize 10M -movflags +faststart -f mp4 "$1.part"
    mv "$1.part" "$1"
}
make_video "$video" 4
$skip_heap || make_video "$big_video" 20

start_simulator
simulator_endpoints

# Each poster's first post takes a one-time pre-key of every device: 4 posters per side and repetition (the warm-up
# one, text, photo, video) and 2 for the heap runs.
one_time_keys=$(( repetitions * 2 * (warmup + 3) + 6 ))
contacts_file="$out/media-contacts.tsv"
java -Xmx512m -cp "$classpath" app.statustracker.bench.StatusPostBench --setup --control-url "$control_url" \
    --contacts-file "$contacts_file" --contacts "$contacts" --companions 1 --one-time-keys "$one_time_keys"

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
: > "$out/media-java.tsv"
: > "$out/media-baileys.tsv"
for rep in $(seq 1 "$repetitions"); do
    echo "repetition $rep: the service ..." >&2
    if start_server "posts-$rep" "${MEDIA_SERVER_JAVA_OPTS:-}"; then
        java -Xmx256m -cp "$classpath" app.statustracker.bench.MediaPostBench --mode posts --api "$server_url" \
            --api-key "$api_key" --control-url "$control_url" --contacts-file "$contacts_file" --photo "$photo" \
            --video "$video" --warmup "$warmup" --rep "$rep" --phone-prefix "$(printf '17%02d' $((rep % 100)))" \
            >> "$out/media-java.tsv" || echo "Java side failed; see $server_log" >&2
    fi
    stop_server
    if ! $skip_baileys; then
        echo "repetition $rep: Baileys ..." >&2
        NODE_EXTRA_CA_CERTS="$ca_file" node src/test/node/bench/media-post.mjs --control-url "$control_url" \
            --contacts-file "$contacts_file" --photo "$photo" --video "$video" --warmup "$warmup" --rep "$rep" \
            --phone-prefix "$(printf '18%02d' $((rep % 100)))" \
            >> "$out/media-baileys.tsv" || echo "Baileys side failed" >&2
    fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

: > "$out/media-heap.tsv"
if ! $skip_heap; then
    for size in $heap_sizes; do
        echo "heap: the service with -Xmx$size, a $(($(stat -c %s "$big_video") / 1000000)) MB video ..." >&2
        gc_log="$out/media-gc-$size.log"
        rm -f "$gc_log"
        if start_server "heap-$size" "-Xmx$size -Xlog:gc:file=$gc_log"; then
            java -Xmx256m -cp "$classpath" app.statustracker.bench.MediaPostBench --mode heap --api "$server_url" \
                --api-key "$api_key" --control-url "$control_url" --contacts-file "$contacts_file" \
                --video "$big_video" --server-pid "$server_pid" --gc-log "$gc_log" --label "-Xmx$size" \
                --phone-prefix "16$(printf '%02d' "${size%m}" | tail -c 2)" \
                >> "$out/media-heap.tsv" || echo "heap run -Xmx$size failed; see $server_log" >&2
        else
            printf 'java\theap\t-Xmx%s\t-\t-\t-\t-\t-\t-\t-\tthe server did not start (see %s)\n' "$size" "$server_log" \
                >> "$out/media-heap.tsv"
        fi
        stop_server
    done
fi
stop_simulator

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
echo
echo "$(date -u +%Y-%m-%d), ${cpu:-unknown CPU} × $(nproc 2>/dev/null || echo '?') cores," \
     "$(java -version 2>&1 | head -1), Node $(node --version); $contacts contacts × 2 devices; $repetitions repetitions," \
     "each after $warmup warm-up session(s) in its process; load average $load_before before, $load_after after;" \
     "milliseconds from send-status (Java) / sendMessage (Baileys) to the server ack, median (min-max)"
echo
bench/media-table.awk "$out/media-java.tsv" "$out/media-baileys.tsv"
if [ -s "$out/media-heap.tsv" ]; then
    echo
    echo "| server heap | baseline MB | peak used above baseline: upload / post MB | after-GC max above baseline: upload / post MB | upload ms | post ms | result |"
    echo "|---|--:|--:|--:|--:|--:|---|"
    awk -F'\t' '{ printf "| %s | %s | %s / %s | %s / %s | %s | %s | %s |\n", $3, $4, $5, $6, $7, $8, $9, $10, $11 }' \
        "$out/media-heap.tsv"
fi
