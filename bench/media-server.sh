# The service for bench/media-post.sh (sourced, not run): started as users start it, through the launcher
# (launch.Launcher, what `./mvnw package exec:java` runs), which validates the settings and runs Payara Micro with
# the WAR as its child, always with --nocluster, --disablephonehome and -Dhazelcast.phone.home.enabled=false.
# Needs $classpath, $war, $payara_jar, $out, $api_key, $ws_url, $root_key, $ca_file.

launcher_pid=
server_pid=
server_url=
server_log=

# start_server NAME JAVA_OPTS: a fresh DATA_DIR (H2) under $out; sets $server_url, $server_pid (the Payara JVM,
# whose heap the heap run samples) and $server_log. Returns non-zero when the service is not ready within 180 s.
start_server() {
    local name=$1 java_opts=$2 data_dir port
    data_dir="$root/$out/media-server-$name"
    rm -rf "$data_dir"
    mkdir -p "$data_dir"
    server_log="$data_dir/server.log"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    server_url="http://127.0.0.1:$port"
    # ENV_FILE in the data dir: the service reads no .env of the checkout; empty JAVA_OPTS = the default -Xmx512m
    env PORT="$port" DATA_DIR="$data_dir" ENV_FILE="$data_dir/.env" API_KEY="$api_key" MAX_UPLOAD_MB=64 \
        WA_ENDPOINT="$ws_url" WA_ROOT_PUBLIC_KEY="$root_key" WA_EXTRA_CA_FILE="$ca_file" JAVA_OPTS="$java_opts" \
        java -cp "$classpath" -Dst.war="$war" -Dst.payaraJar="$payara_jar" app.statustracker.launch.Launcher \
        > "$server_log" 2>&1 &
    launcher_pid=$!
    for _ in $(seq 1 360); do
        if ! kill -0 "$launcher_pid" 2>/dev/null; then
            echo "the service exited; see $server_log" >&2
            launcher_pid=
            return 1
        fi
        # Payara serves the app's routes a moment before it is fully up; its readiness check says when
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "$server_url/health/ready")" = 200 ] \
            && [ "$(curl -s -o /dev/null -w '%{http_code}' -H "x-api-key: $api_key" "$server_url/api/health")" = 200 ]; then
            server_pid=$(ps -o pid= --ppid "$launcher_pid" | tr -d ' ' | head -1)
            return 0
        fi
        sleep 0.5
    done
    echo "the service was not ready within 180 s; see $server_log" >&2
    return 1
}

# SIGTERM to the launcher, whose shutdown hook stops Payara and waits for it; SIGKILL to both if that hangs.
stop_server() {
    [ -n "$launcher_pid" ] || return 0
    kill "$launcher_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
        kill -0 "$launcher_pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$launcher_pid" 2>/dev/null; then
        [ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null || true
        kill -9 "$launcher_pid" 2>/dev/null || true
    fi
    wait "$launcher_pid" 2>/dev/null || true
    launcher_pid=
    server_pid=
}
