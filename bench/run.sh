#!/usr/bin/env bash
# Builds the benchmark harness and the service in Release, then runs the harness; arguments go to it:
#   bench/run.sh [--quick] [--scenario intake,screening,estimate,letters,payout,domain] [--list]
# Results: bench/results/<UTC timestamp>.json, and bench/results/latest.json for a full run; a table on the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."

# The scenarios start an embedded PostgreSQL; pgbench (the intake's reference) comes with the server package;
# the letters need their fonts.
scripts/ensure-debian-packages.sh postgresql fonts-droid-fallback fonts-dejavu-core

echo "Building (Release)…"
dotnet build bench/SubsidyService.Bench/SubsidyService.Bench.csproj -c Release --nologo -v quiet
exec dotnet bench/SubsidyService.Bench/bin/Release/net10.0/SubsidyService.Bench.dll "$@"
