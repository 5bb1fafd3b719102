#!/usr/bin/env bash
# Builds the benchmark harness and the service in Release, then runs the harness; arguments go to it:
#   bench/run.sh [--quick] [--only pure|http|letters|payout]
# Results: bench/results/<UTC timestamp>.json, and a short table on the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."

case " $* " in
  *" --only pure "*) ;;
  *" --only letters "*) scripts/ensure-debian-packages.sh fonts-droid-fallback fonts-dejavu-core ;;
  # the HTTP benchmarks start an embedded PostgreSQL; the letters need their fonts
  *) scripts/ensure-debian-packages.sh postgresql fonts-droid-fallback fonts-dejavu-core ;;
esac

echo "Building (Release)…"
dotnet build bench/SubsidyService.Bench/SubsidyService.Bench.csproj -c Release --nologo -v quiet
exec dotnet bench/SubsidyService.Bench/bin/Release/net10.0/SubsidyService.Bench.dll "$@"
