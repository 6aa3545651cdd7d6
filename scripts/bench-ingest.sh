#!/usr/bin/env bash
# Ingest benchmark (on demand, not part of the test suite). In one run on this machine:
#   A. a bare Jersey/Grizzly POST endpoint (same stack and worker pool) - the reference
#   B. the plugin's /webhooks/<connector>: signature or secret check + JSON check + durable group-committed
#      journal (fsync) with the drainer and pipeline running behind it
# each driven by wrk (2 threads, 32 connections) with signed ~1.5 KB webhook bodies, each after its own JIT
# warm-up. Every body of the measured phase is a new event (unique ids; the script reports any reuse); the
# warm-up uses its own separate set. Prints req/s, latency percentiles and the plugin's RSS under load.
# Usage: bash scripts/bench-ingest.sh [WARMUP_S=60] [DURATION_S=30]
#   BENCH_CONNECTOR=meta (Instagram comments, default) | whatsapp (text messages) | telegram (private messages)
#   BENCH_MAX_RATE=30000: bodies generated for the measured phase = rate x duration
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${1:-60}; DURATION=${2:-30}
OUT=${BENCH_DIR:-/tmp/sb-bench}; rm -rf "$OUT"; mkdir -p "$OUT"
command -v wrk >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get install -y -q wrk || { apt-get update -q && apt-get install -y -q wrk; }; }
[ -f target/test-classpath.txt ] && [ -d target/test-classes/dev/socialbridge/bench ] || mvn -B -q test-compile
CP="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
JAVA_OPTS=${SOCIALBRIDGE_JAVA_OPTS:--Xms64m -Xmx192m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m -Xss512k}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}   # as the launcher does
SECRET=bench-secret
CONNECTOR=${BENCH_CONNECTOR:-meta}
MEASURED=$(( ${BENCH_MAX_RATE:-30000} * DURATION ))
java -cp "$CP" dev.socialbridge.bench.SignedBodies "$CONNECTOR" "$SECRET" 0 200000 "$OUT/warmup.tsv"
java -cp "$CP" dev.socialbridge.bench.SignedBodies "$CONNECTOR" "$SECRET" 1000000000 "$MEASURED" "$OUT/bodies.tsv"

cat > "$OUT/bench.properties" <<PROPS
socialbridge.http.port=18090
socialbridge.http.host=127.0.0.1
socialbridge.store.jdbc-url=jdbc:h2:file:$OUT/db
socialbridge.inbox.journal-dir=$OUT/journal
socialbridge.inbox.fsync=true
# no RT needed for ingest: host deliveries fail fast and back off (as when the host is down)
socialbridge.host.rt.base-url=http://127.0.0.1:9
socialbridge.host.rt.token=unused
socialbridge.admin.token=bench-admin-token-0123456789
socialbridge.meta.app-secret=$SECRET
socialbridge.meta.verify-token=bench
socialbridge.meta.graph-base-url=http://127.0.0.1:9
socialbridge.meta.accounts.ig.id=17841400000000001
socialbridge.meta.accounts.ig.platform=instagram
socialbridge.meta.accounts.ig.access-token=unused
socialbridge.whatsapp.graph-base-url=http://127.0.0.1:9
socialbridge.whatsapp.accounts.main.phone-number-id=106540352242922
socialbridge.whatsapp.accounts.main.waba-id=102290129340398
socialbridge.whatsapp.accounts.main.access-token=unused
socialbridge.telegram.api-base-url=http://127.0.0.1:9
socialbridge.telegram.bots.bench.token=123456789:AAbenchbenchbenchbenchbenchbenchbench
socialbridge.telegram.bots.bench.secret-token=$SECRET
PROPS

run_wrk() {  # name port seconds bodies
  wrk -t2 -c32 -d"$3"s --latency -s scripts/bench-ingest.lua "http://127.0.0.1:$2" -- "$4" 2 > "$OUT/$1.txt"
}
summary() {  # name
  local f="$OUT/$1.txt"
  printf '%-8s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$1" "$(awk '/Requests\/sec/{print $2}' "$f")" \
    "$(awk '$1=="50%"{print $2}' "$f")" "$(awk '$1=="99%"{print $2}' "$f")" "$(awk '/Non-2xx/{print $5}' "$f" | head -1)"
}

# A then B, never both at once: the plugin keeps working its backlog after a load, which would
# steal CPU from the reference.
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$CP" dev.socialbridge.bench.BareEndpointServer 18091 > "$OUT/bare.log" 2>&1 &
BARE=$!
trap 'kill $BARE ${PLUGIN:-} 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null -X POST http://127.0.0.1:18091/webhooks/meta && break; sleep 0.1; done
echo "connector: $CONNECTOR; bodies for the measured phase: $MEASURED unique"
echo "bare endpoint: warm-up ${WARMUP}s, measure ${DURATION}s"
run_wrk warm-bare 18091 "$WARMUP" "$OUT/warmup.tsv"
run_wrk bare 18091 "$DURATION" "$OUT/bodies.tsv"
kill $BARE; wait $BARE 2>/dev/null || true

# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$CP" dev.socialbridge.app.Main serve --config "$OUT/bench.properties" > "$OUT/plugin.log" 2>&1 &
PLUGIN=$!
for _ in $(seq 1 100); do curl -s -o /dev/null http://127.0.0.1:18090/health/live && break; sleep 0.1; done
sleep 1
echo "plugin startup: $(grep -o 'started in [0-9]* ms' "$OUT/plugin.log")"
echo "plugin: warm-up ${WARMUP}s, measure ${DURATION}s"
run_wrk warm-plugin 18090 "$WARMUP" "$OUT/warmup.tsv"
( sleep $((DURATION / 2)); grep VmRSS /proc/$PLUGIN/status > "$OUT/rss.txt"; grep VmHWM /proc/$PLUGIN/status >> "$OUT/rss.txt" ) &
RSS=$!
run_wrk plugin 18090 "$DURATION" "$OUT/bodies.tsv"
wait $RSS
summary bare; summary plugin
echo "measured plugin run: $(grep '^bodies:' "$OUT/plugin.txt")"
bare=$(awk '/Requests\/sec/{print $2}' "$OUT/bare.txt"); plugin=$(awk '/Requests\/sec/{print $2}' "$OUT/plugin.txt")
awk -v b="$bare" -v p="$plugin" 'BEGIN { printf "plugin / bare = %.2f\n", p / b }'
echo "plugin RSS under load: $(tr '\n' ' ' < "$OUT/rss.txt")"
curl -s -H 'Authorization: Bearer bench-admin-token-0123456789' http://127.0.0.1:18090/admin/stats; echo
echo "raw wrk output in $OUT"
