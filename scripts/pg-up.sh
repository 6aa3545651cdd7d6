#!/usr/bin/env bash
# pg-up.sh -- bring up a throwaway PostgreSQL 15 for the tests and benchmarks, on 127.0.0.1 only.
# Idempotent:
#   * installs postgresql-15 (Debian package) if missing
#   * initialises a cluster under $PG_BASE_DIR/data once (owned by the "postgres" system user)
#   * starts it unless it already runs, waits until it accepts connections
#   * creates the role and database once
#   * writes $PG_BASE_DIR/env.sh exporting PG_JDBC_URL, PG_USER and PG_PASSWORD
#
# Must run as root on Debian 12 (bookworm) or later. Tuned for a throwaway server (fsync stays on: the
# store's durability is what the tests check).
#
# Knobs (environment variables):
#   PG_BASE_DIR   instance directory (default /tmp/pg-test)
#   PG_PORT       TCP port on 127.0.0.1 (default 55432)
#   PG_DB         database (default socialbridge)
#   PG_USER       role (default socialbridge)
#   PG_PASSWORD   its password (default socialbridge)
#   PG_FRESH=1    stop the server and wipe the cluster first
#   PG_DOWN=1     stop the server and exit
#
# Afterwards:  . "$PG_BASE_DIR/env.sh"
set -euo pipefail

PG_BASE_DIR=${PG_BASE_DIR:-/tmp/pg-test}
PG_PORT=${PG_PORT:-55432}
PG_DB=${PG_DB:-socialbridge}
PG_USER=${PG_USER:-socialbridge}
PG_PASSWORD=${PG_PASSWORD:-socialbridge}
PG_FRESH=${PG_FRESH:-0}
PG_DOWN=${PG_DOWN:-0}
PG_BIN=/usr/lib/postgresql/15/bin
DATA=$PG_BASE_DIR/data
LOGFILE=$PG_BASE_DIR/postgres.log

log() { printf '[pg-up] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root"

as_pg() { runuser -u postgres -- "$@"; }
running() { [ -f "$DATA/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }
stop() {
  if running; then
    log "stopping the server in $DATA"
    as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
  fi
}

# ---------------------------------------------------------------- 1. install
if [ ! -x "$PG_BIN/postgres" ]; then
  log "installing postgresql-15"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -q
  # the package's own cluster (port 5432) is not used; ours lives under $PG_BASE_DIR
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends postgresql-15
fi
id postgres >/dev/null 2>&1 || die "the postgresql-15 package did not create the 'postgres' user"

if [ "$PG_DOWN" = 1 ]; then
  stop
  exit 0
fi
if [ "$PG_FRESH" = 1 ]; then
  stop
  rm -rf "$DATA"
fi

# ---------------------------------------------------------------- 2. cluster
mkdir -p "$PG_BASE_DIR"
chown postgres: "$PG_BASE_DIR"
if [ ! -f "$DATA/PG_VERSION" ]; then
  log "initialising a cluster in $DATA"
  as_pg "$PG_BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >> "$DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_BASE_DIR'
max_connections = 100
shared_buffers = 256MB
synchronous_commit = on
logging_collector = off
EOF
fi

# ---------------------------------------------------------------- 3. start
if ! running; then
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  as_pg "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOGFILE" -w -t 60 start >/dev/null \
    || { tail -20 "$LOGFILE" >&2; die "the server did not start (log above)"; }
fi
for _ in $(seq 1 60); do
  as_pg "$PG_BIN/pg_isready" -q -h "$PG_BASE_DIR" -p "$PG_PORT" && break
  sleep 0.5
done
as_pg "$PG_BIN/pg_isready" -q -h "$PG_BASE_DIR" -p "$PG_PORT" || die "the server does not accept connections"

# ---------------------------------------------------------------- 4. role and database
psql_pg() { as_pg "$PG_BIN/psql" -h "$PG_BASE_DIR" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_pg -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != 1 ]; then
  log "creating role $PG_USER"
  psql_pg -d postgres -c "CREATE ROLE \"$PG_USER\" LOGIN PASSWORD '$PG_PASSWORD'"
fi
if [ "$(psql_pg -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != 1 ]; then
  log "creating database $PG_DB"
  psql_pg -d postgres -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\""
fi

# ---------------------------------------------------------------- 5. env file
cat > "$PG_BASE_DIR/env.sh" <<EOF
export PG_JDBC_URL='jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB'
export PG_USER='$PG_USER'
export PG_PASSWORD='$PG_PASSWORD'
export PG_SOCKET_DIR='$PG_BASE_DIR'
EOF
chmod 644 "$PG_BASE_DIR/env.sh"
log "PostgreSQL 15 ready: jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB (user $PG_USER)"
log "env: . $PG_BASE_DIR/env.sh"
