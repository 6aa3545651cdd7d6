#!/usr/bin/env bash
# Pipeline drain benchmark (on demand, not part of the test suite): rounds of N unique signed Instagram comments
# through a server with the in-memory host and an instant platform stand-in; prints per round the store size, the
# time to ingest and to process everything (inbox empty, every host and platform command delivered) and the rate.
# Usage: bash scripts/bench-pipeline.sh [N=20000] [ROUNDS=5] [h2|postgresql]
#   BENCH_FILL=M: before each round, add M finished items to the store (the curve to 1 M items without pushing them)
#   BENCH_AUTHORS=one: one customer writes every comment (default: each comment by a new customer)
#   SOCIALBRIDGE_PIPELINE_WORKERS=n: pipeline threads (default 1)
#   postgresql: uses scripts/pg-up.sh's server (a fresh database "bench" each run)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}; ROUNDS=${2:-5}; STORE=${3:-h2}
[ -f target/test-classpath.txt ] && [ -f target/test-classes/dev/socialbridge/app/PipelineDrain.class ] || mvn -B -q test-compile
CP="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
JAVA_OPTS="${SOCIALBRIDGE_JAVA_OPTS:--Xms64m -Xmx512m -XX:+UseSerialGC} -Dbench.fill=${BENCH_FILL:-0} -Dbench.authors=${BENCH_AUTHORS:-unique}"
if [ "$STORE" = postgresql ]; then
  bash scripts/pg-up.sh
  . "${PG_BASE_DIR:-/tmp/pg-test}/env.sh"
  runuser -u postgres -- psql -h "$PG_SOCKET_DIR" -p "${PG_PORT:-55432}" -qc 'DROP DATABASE IF EXISTS bench' -c "CREATE DATABASE bench OWNER $PG_USER"
  exec java $JAVA_OPTS -cp "$CP" dev.socialbridge.app.PipelineDrain "$N" "$ROUNDS" "${PG_JDBC_URL%/*}/bench" "$PG_USER" "$PG_PASSWORD"
fi
exec java $JAVA_OPTS -cp "$CP" dev.socialbridge.app.PipelineDrain "$N" "$ROUNDS"
