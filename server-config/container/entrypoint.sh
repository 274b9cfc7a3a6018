#!/bin/sh
# The container's entry point. The launcher checks the settings, makes the API key and master key on first start
# and writes the Payara Micro command line to a file, then exits; this shell then becomes that one JVM (exec), so
# the server is the container's main process and gets `docker stop`'s SIGTERM itself.
set -eu
APP_DIR="${APP_DIR:-/app}"
cd "$APP_DIR"
command_file="$(mktemp)"
# shellcheck disable=SC2086 # LAUNCHER_JAVA_OPTS is a list of options
java ${LAUNCHER_JAVA_OPTS:--Xmx64m -XX:TieredStopAtLevel=1} \
  -cp "$APP_DIR/launcher/classes:$APP_DIR/launcher/lib/*" \
  -Dst.war="$APP_DIR/status-tracker.war" -Dst.payaraJar="$APP_DIR/payara-micro.jar" \
  -Dst.commandFile="$command_file" \
  app.statustracker.launch.Launcher
set --
while IFS= read -r arg; do
  set -- "$@" "$arg"
done < "$command_file"
rm -f "$command_file"
exec "$@"
