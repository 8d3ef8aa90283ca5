#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for tests and benchmarks, and print its URL.
#
#   scripts/start_postgres.sh [DIR]     initialise DIR (default: a new temp dir),
#                                       start on a free loopback port, print
#                                       postgresql://postgres@127.0.0.1:PORT/tidings
#   scripts/start_postgres.sh --stop DIR
#
# Uses Debian's `postgresql` package (installed with apt-get when missing and
# running as root). Runs the server as the `postgres` user when started as
# root, since PostgreSQL refuses to run as root. Listens on 127.0.0.1 only,
# with trust authentication: for tests, never for real data.
set -euo pipefail

bindir=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
if [ -z "$bindir" ]; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
    for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
  fi
  [ -n "$bindir" ] || { echo "start_postgres: PostgreSQL binaries not found (apt-get install postgresql)" >&2; exit 2; }
fi

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = "--stop" ]; then
  as_pg "$bindir/pg_ctl" -D "$2/data" -m fast stop >&2
  exit 0
fi

dir="${1:-$(mktemp -d -t tidings-pg-XXXXXX)}"
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_pg "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >&2 || { cat "$dir/server.log" >&2; exit 1; }
as_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres tidings >&2
echo "postgresql://postgres@127.0.0.1:$port/tidings"
