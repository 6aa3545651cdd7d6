#!/usr/bin/env bash
# rt-down.sh -- stop the throwaway RT 5 started by rt-up.sh.
#   rt-down.sh           stop the server, keep the DB (next rt-up.sh restarts on it)
#   rt-down.sh --purge   stop the server and delete the whole instance dir (DB, logs, token)
# Only the process recorded in the PID file (and its Starlet workers) is stopped.
set -euo pipefail
RT_BASE_DIR=${RT_BASE_DIR:-/tmp/rt5-test}
PIDFILE=$RT_BASE_DIR/rt-server.pid
purge=0; [ "${1:-}" = "--purge" ] && purge=1

if [ -f "$PIDFILE" ]; then
  pid=$(cat "$PIDFILE")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q 'rt-server'; then
    echo "[rt-host-down] stopping rt-server pid $pid"
    kill -TERM "$pid"                       # Starlet master stops its workers on TERM
    for i in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "[rt-host-down] still alive after 20 s, killing its process group"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  else
    echo "[rt-host-down] pid file present but no rt-server running"
  fi
  rm -f "$PIDFILE"
else
  echo "[rt-host-down] no pid file at $PIDFILE"
fi

if [ "$purge" = 1 ]; then
  case "$RT_BASE_DIR" in
    /tmp/?*) rm -rf -- "$RT_BASE_DIR"; echo "[rt-host-down] removed $RT_BASE_DIR" ;;
    *) echo "[rt-host-down] refusing to purge $RT_BASE_DIR (not under /tmp)"; exit 1 ;;
  esac
fi
