#!/usr/bin/env bash
# Makes a PostgreSQL server available for the tests and prints its admin URL.
#
#   .ci/postgres.sh start   prints a URL (trust auth, user postgres) on stdout
#   .ci/postgres.sh stop    stops the throwaway cluster if this script started one
#
# Order: $NUKUMORI_TEST_POSTGRES_URL if set; a server already answering on
# 127.0.0.1:5432; otherwise PostgreSQL is installed with apt if missing, and a
# throwaway cluster is started under /tmp as a non-root user (PostgreSQL refuses root).
# NUKUMORI_THROWAWAY_PG=1 skips the first two, to exercise the last path.
set -euo pipefail

CLUSTER_DIR=${NUKUMORI_PG_DIR:-/tmp/nukumori-test-pg}
PORT=${NUKUMORI_PG_PORT:-55432}
log() { echo "postgres.sh: $*" >&2; }

answers() { # host port
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$1" -p "$2" -U postgres -t 2
  else
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
  fi
}

as_owner() { # run a command as the cluster's owner
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ]; then
    log "installing PostgreSQL with apt"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$dir"
}

start() {
  if [ "${NUKUMORI_THROWAWAY_PG:-0}" != 1 ]; then
    if [ -n "${NUKUMORI_TEST_POSTGRES_URL:-}" ]; then
      echo "$NUKUMORI_TEST_POSTGRES_URL"; return
    fi
    if answers 127.0.0.1 5432; then
      echo "postgres://postgres@127.0.0.1:5432/postgres"; return
    fi
  fi
  local bin; bin=$(pg_bin)
  if answers 127.0.0.1 "$PORT"; then
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"; return
  fi
  log "starting a throwaway cluster in $CLUSTER_DIR on port $PORT"
  rm -rf "$CLUSTER_DIR"; mkdir -p "$CLUSTER_DIR"
  [ "$(id -u)" = 0 ] && chown postgres: "$CLUSTER_DIR"
  as_owner "$bin/initdb" -D "$CLUSTER_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_owner "$bin/pg_ctl" -D "$CLUSTER_DIR/data" -l "$CLUSTER_DIR/server.log" -w \
    -o "-h 127.0.0.1 -p $PORT -k $CLUSTER_DIR -c fsync=off -c max_connections=200" start >/dev/null
  touch "$CLUSTER_DIR/started-by-nukumori"
  echo "postgres://postgres@127.0.0.1:$PORT/postgres"
}

stop() {
  if [ -f "$CLUSTER_DIR/started-by-nukumori" ]; then
    as_owner "$(pg_bin)/pg_ctl" -D "$CLUSTER_DIR/data" -m fast -w stop >/dev/null || true
    rm -rf "$CLUSTER_DIR"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
