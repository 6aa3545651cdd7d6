#!/usr/bin/env bash
# browser-up.sh -- make Debian's headless Chromium and its ChromeDriver available for the browser tests
# (packages chromium and chromium-driver: /usr/bin/chromium, /usr/bin/chromedriver). Idempotent: installs
# only what is missing. Selenium drives this browser through this driver; nothing is downloaded by the tests.
# Prints the two paths as shell exports, e.g.  eval "$(bash scripts/browser-up.sh)"
set -euo pipefail

log() { printf '[browser-up] %s\n' "$*" >&2; }
missing=()
for p in chromium chromium-driver; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { log "ERROR: run as root to install ${missing[*]}"; exit 1; }
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache policy chromium 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    apt-get -o DPkg::Lock::Timeout=600 update -q
  fi
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}" >&2
fi
[ -x /usr/bin/chromium ] || { log "ERROR: /usr/bin/chromium missing"; exit 1; }
[ -x /usr/bin/chromedriver ] || { log "ERROR: /usr/bin/chromedriver missing"; exit 1; }
log "$(/usr/bin/chromium --version 2>/dev/null | head -1); $(/usr/bin/chromedriver --version 2>/dev/null | head -1)"
echo "export SOCIALBRIDGE_TEST_CHROMIUM=/usr/bin/chromium SOCIALBRIDGE_TEST_CHROMEDRIVER=/usr/bin/chromedriver"
