# Shared by the bench/*.sh scripts (sourced, not run): building the test classes, the pinned Baileys, and one
# standalone simulator on free loopback ports. The caller has cd'ed to the project root and set -euo pipefail.

out=target/bench
mkdir -p "$out"

# Builds main and test classes, writes the test classpath, installs Baileys if missing; sets $classpath.
bench_build() {
    echo "building the test classes ..." >&2
    ./mvnw -B -q -DskipFuzz -Dskip.npm=true test-compile dependency:build-classpath \
        -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test >&2
    if [ ! -f src/test/node/node_modules/@whiskeysockets/baileys/package.json ]; then
        echo "installing the pinned Baileys (npm ci in src/test/node) ..." >&2
        (cd src/test/node && npm ci --no-audit --no-fund >&2)
    fi
    classpath="target/classes:target/test-classes:$(cat "$out/classpath.txt")"
}

sim_pid=
stop_simulator() {
    if [ -n "$sim_pid" ]; then
        kill "$sim_pid" 2>/dev/null || true
        wait "$sim_pid" 2>/dev/null || true
        sim_pid=
    fi
}
trap stop_simulator EXIT

# A fresh simulator (JVM options: $sim_opts) on free loopback ports; sets $control_url.
start_simulator() {
    : > "$out/simulator.out"
    # shellcheck disable=SC2086
    java $sim_opts -cp "$classpath" app.statustracker.simulator.SimulatorMain --port 0 --control-port 0 \
        > "$out/simulator.out" 2> "$out/simulator.err" &
    sim_pid=$!
    for _ in $(seq 1 100); do
        control_url=$(sed -n 's/^simulator control-url=//p' "$out/simulator.out")
        [ -n "$control_url" ] && return 0
        sleep 0.2
    done
    echo "the simulator did not start; see $out/simulator.err" >&2
    exit 1
}

# Builds the WAR and Payara Micro jar as users build them, plus the test classes and their classpath, and installs
# the pinned Node packages if missing; sets $classpath, $war and $payara_jar (for bench/media-server.sh).
bench_build_war() {
    echo "building the WAR and the test classes ..." >&2
    ./mvnw -B -q -DskipTests -DskipFuzz -Dskip.npm=true package dependency:build-classpath \
        -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test >&2
    if [ ! -f src/test/node/node_modules/@whiskeysockets/baileys/package.json ] \
        || [ ! -f src/test/node/node_modules/ws/package.json ]; then
        echo "installing the pinned Node packages (npm ci in src/test/node) ..." >&2
        (cd src/test/node && npm ci --no-audit --no-fund >&2)
    fi
    classpath="target/classes:target/test-classes:$(cat "$out/classpath.txt")"
    war=target/status-tracker.war
    payara_jar=$(ls target/payara-micro-*.jar | head -1)
}

# After start_simulator: its WebSocket URL, root public key and media CA file; sets $ws_url, $root_key, $ca_file.
simulator_endpoints() {
    ws_url=$(sed -n 's/^simulator ws-url=//p' "$out/simulator.out")
    root_key=$(sed -n 's/^simulator root-public-key=//p' "$out/simulator.out")
    for _ in $(seq 1 50); do # the media lines come after the control url
        ca_file=$(sed -n 's/^simulator media-ca-file=//p' "$out/simulator.out")
        [ -n "$ca_file" ] && break
        sleep 0.2
    done
}
