#!/usr/bin/env bash
# Rewrites the README settings table, plugin/config/application.properties and the descriptor's settings list
# from the settings declared in the code (core mapping, host types, connectors). SettingsDocTest fails until
# they match. Usage: bash scripts/gen-settings.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test -Dtest=SettingsDocTest -Dsettings.write=true -Dsurefire.failIfNoSpecifiedTests=false \
  || mvn -B -q -o test -Dtest=SettingsDocTest -Dsurefire.failIfNoSpecifiedTests=false
echo "settings docs regenerated: README.md, plugin/config/application.properties, descriptor/social-bridge.json"
