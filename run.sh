#!/usr/bin/env bash
# Starts SubsidyService with its own embedded PostgreSQL and demo data.
# Honours ASPNETCORE_URLS (default http://127.0.0.1:5080) and ConnectionStrings__Subsidy (no embedded server then).
set -euo pipefail
cd "$(dirname "$0")"
root="$(pwd)"

scripts/ensure-debian-packages.sh postgresql fonts-droid-fallback fonts-dejavu-core poppler-utils

echo "Building (Release)…"
dotnet publish src/SubsidyService/SubsidyService.csproj -c Release -o .build/app -p:UseAppHost=false --nologo -v quiet

url="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
cat <<MSG

SubsidyService is starting on ${url%%;*}
  Demo logins (password Demo#2026): applicant.demo, verifier.demo, verifier2.demo, finance.demo, auditor.demo, admin.demo
  Data: ${root}/.data (embedded PostgreSQL; the log names the cluster directory)   Stop: Ctrl-C

MSG
cd .build/app
# The embedded cluster and the demo accounts are for development: say so, since Production refuses both.
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Embedded__DataDirectory="${Embedded__DataDirectory:-$root/.data}"
export Templates__Directory="${Templates__Directory:-$root/templates}"
exec dotnet SubsidyService.dll "$@"
