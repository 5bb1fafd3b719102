#!/usr/bin/env bash
# Installs what the tests need and runs every test project, ending with the totals.
set -uo pipefail
cd "$(dirname "$0")"

scripts/ensure-debian-packages.sh postgresql fonts-droid-fallback fonts-dejavu-core poppler-utils zbar-tools chromium chromium-l10n faketime prometheus nginx openssl pgbouncer || exit 1
if [ ! -x .tools/maildev/node_modules/.bin/maildev ]; then
  echo "Installing maildev 2.2.1 (SMTP server for the tests)…"
  npm install --prefix .tools/maildev --no-audit --no-fund --silent maildev@2.2.1 >/dev/null || exit 1
fi
if [ ! -x .tools/redocly/node_modules/.bin/redocly ]; then
  echo "Installing @redocly/cli 2.77.0 (lints the OpenAPI document in the tests)…"
  npm install --prefix .tools/redocly --no-audit --no-fund --silent @redocly/cli@2.77.0 >/dev/null || exit 1
fi

if [ ! -x .tools/spectral/node_modules/.bin/spectral ] || [ ! -d .tools/spectral/node_modules/@stoplight/spectral-owasp-ruleset ]; then
  echo "Installing @stoplight/spectral-cli 6.16.3 with the OWASP ruleset 2.0.1 (lints the OpenAPI document in the tests)…"
  npm install --prefix .tools/spectral --no-audit --no-fund --silent @stoplight/spectral-cli@6.16.3 @stoplight/spectral-owasp-ruleset@2.0.1 >/dev/null || exit 1
fi

if [ ! -f .tools/axe/node_modules/axe-core/axe.min.js ]; then
  echo "Installing axe-core 4.14.1 (the browser tests' accessibility checks)…"
  npm install --prefix .tools/axe --no-audit --no-fund --silent axe-core@4.14.1 >/dev/null || exit 1
fi

# This checkout's test servers live under their own folder; a killed run's leftovers are cleared
# here without touching other checkouts' running tests.
export SUBSIDY_TEST_ROOT="/tmp/subsidy-tests/$(pwd | sha256sum | cut -c1-12)"
pkill -u postgres -f "$SUBSIDY_TEST_ROOT/" 2>/dev/null || true
rm -rf "$SUBSIDY_TEST_ROOT"

dotnet build SubsidyService.sln -c Release --nologo -v quiet || exit 1

log=$(mktemp)
dotnet test SubsidyService.sln -c Release --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each project prints "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T"; add them up.
read -r passed failed skipped < <(grep -E "Failed: +[0-9]+, Passed: +[0-9]+" "$log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$log"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi
echo
echo "Totals: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
