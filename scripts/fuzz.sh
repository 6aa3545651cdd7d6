#!/usr/bin/env bash
# Webhook fuzz harness (on demand, not part of the test suite; WebhookFuzzIT runs a 300-per-connector pass in it).
# Starts a Social Bridge server with the in-memory host and a platform stand-in, POSTs N validly signed, structurally
# mutated payloads per connector (Meta, WhatsApp, Telegram; mutations of test-fixtures/inbound/*), then checks: no
# 5xx, the process still answers, the inbox drained with no item dead, and a good event per connector is ticketed.
# Usage: bash scripts/fuzz.sh [N=10000] [SEED]   (exit 0 = PASS; the seed is printed to reproduce a run)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
[ -f target/test-classpath.txt ] && [ -f target/test-classes/dev/socialbridge/app/WebhookFuzz.class ] || mvn -B -q test-compile
CP="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
exec java -Xmx512m -cp "$CP" dev.socialbridge.app.WebhookFuzz "$N" ${2:+"$2"}
