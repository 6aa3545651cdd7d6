#!/usr/bin/env bash
# The whole test suite: unit tests plus integration tests against a live Request Tracker 5, with the
# store, inbox, outbox and pipeline tests run on H2 and again on PostgreSQL 15.
# When SOCIALBRIDGE_TEST_RT_URL is not set, installs (Debian packages, needs root) and starts a
# throwaway RT 5 with SQLite on 127.0.0.1:8089 first; when SOCIALBRIDGE_TEST_PG_URL is not set, a
# throwaway PostgreSQL on 127.0.0.1:55432 (scripts/pg-up.sh). SOCIALBRIDGE_TEST_PG_URL=none skips
# the PostgreSQL runs. Usage: bash scripts/test.sh [extra mvn args]
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=()
command -v java >/dev/null 2>&1 || need_pkgs+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need_pkgs+=(maven)
command -v curl >/dev/null 2>&1 || need_pkgs+=(curl)
command -v openssl >/dev/null 2>&1 || need_pkgs+=(openssl)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "[test] installing ${need_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -q
  apt-get -o DPkg::Lock::Timeout=600 install -y -q "${need_pkgs[@]}"
fi

if [ -z "${SOCIALBRIDGE_TEST_RT_URL:-}" ]; then
  bash scripts/rt-up.sh
  # shellcheck disable=SC1091
  . "${RT_BASE_DIR:-/tmp/rt5-test}/env.sh"
  export SOCIALBRIDGE_TEST_RT_URL="$RT_URL" SOCIALBRIDGE_TEST_RT_TOKEN="$RT_TOKEN"
fi
if [ -z "${SOCIALBRIDGE_TEST_PG_URL:-}" ]; then
  bash scripts/pg-up.sh
  # shellcheck disable=SC1091
  . "${PG_BASE_DIR:-/tmp/pg-test}/env.sh"
  export SOCIALBRIDGE_TEST_PG_URL="$PG_JDBC_URL" SOCIALBRIDGE_TEST_PG_USER="$PG_USER" SOCIALBRIDGE_TEST_PG_PASSWORD="$PG_PASSWORD"
elif [ "$SOCIALBRIDGE_TEST_PG_URL" = none ]; then
  unset SOCIALBRIDGE_TEST_PG_URL
fi
# the browser tests drive Debian's headless Chromium (installed here, never downloaded by the tests)
eval "$(bash scripts/browser-up.sh)"
echo "[test] live RT at $SOCIALBRIDGE_TEST_RT_URL; PostgreSQL store tests: ${SOCIALBRIDGE_TEST_PG_URL:-skipped}"
exec mvn -B verify "$@"
