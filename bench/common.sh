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
