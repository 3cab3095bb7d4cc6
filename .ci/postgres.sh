#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests and prints the URL of an empty database on it.
# Installs PostgreSQL from Debian's packages when it is missing. As root the server runs as the
# `postgres` user (PostgreSQL refuses to run as root); as anyone else it runs as that user.
#   eval "$(bash .ci/postgres.sh start)"   → exports BRIEFER_TEST_PG_URL and BRIEFER_TEST_PG_DATA
#   bash .ci/postgres.sh stop "$BRIEFER_TEST_PG_DATA"
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  if [ -z "$(pg_bin)" ]; then
    echo "installing PostgreSQL from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2 && apt-get install -y postgresql >&2
  fi
  local bin data port
  bin="$(pg_bin)"
  data="$(mktemp -d /tmp/briefer-pg.XXXXXX)"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
  # The first free port from 55432 (or BRIEFER_TEST_PG_PORT); the server listens on loopback only.
  port="${BRIEFER_TEST_PG_PORT:-55432}"
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  as_owner "$bin/initdb" -D "$data/db" -A trust -U briefer --no-sync >/dev/null
  as_owner "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w \
    -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U briefer briefer_test
  echo "export BRIEFER_TEST_PG_URL=postgres://briefer@127.0.0.1:$port/briefer_test"
  echo "export BRIEFER_TEST_PG_DATA=$data"
}

stop() {
  local data="${1:?data directory}"
  as_owner "$(pg_bin)/pg_ctl" -D "$data/db" -m fast -w stop >&2 || true
  rm -rf "$data"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop DATA_DIR" >&2; exit 2 ;;
esac
