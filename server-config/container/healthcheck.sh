#!/bin/bash
# The container's HEALTHCHECK: healthy when the readiness check answers 200 (database reachable, sessions
# restored). Plain bash (/dev/tcp), because the JRE image has no curl and a JVM per probe would be heavy.
set -u
port="${PORT:-3000}"
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t "${HEALTHCHECK_READ_SECONDS:-5}" status_line <&3 || exit 1
case "$status_line" in
  "HTTP/1."?" 200 "*) exit 0 ;;
  *) exit 1 ;;
esac
