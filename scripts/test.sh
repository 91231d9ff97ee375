#!/usr/bin/env bash
# Runs every test (unit, store contract, API, Cypher lint, compose check, browser) on a fresh machine:
# installs what the tests need first (Debian's Chromium for the browser tests, docker-compose v1 to validate
# docker-compose.yml offline), then prints one closing line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log=$(mktemp)
status=0
dotnet test KnowledgeGraph.sln --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?

# dotnet test prints a "Total tests / Passed / Failed / Skipped" block per test project; add them up into the
# one closing line CI reads.
summary=$(awk '/^ +(Passed|Failed|Skipped): +[0-9]+ *$/ { n[$1] += $2 }
  END { printf "%d passed, %d failed, %d skipped", n["Passed:"], n["Failed:"], n["Skipped:"] }' "$log")
echo
echo "$summary"
rm -f "$log"
exit $status
