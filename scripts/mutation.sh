#!/usr/bin/env bash
# Mutation testing of the domain project with Stryker.NET: every decision the service makes lives in
# SubsidyService.Domain, so a mutant surviving there is a rule no test pins down. Slow (tens of minutes on
# two cores), so it runs on demand, not from ./test.sh or CI. The report lands in
# tests/SubsidyService.Domain.Tests/StrykerOutput/<date>/reports/; docs/mutation.md summarises the last run.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null
cd tests/SubsidyService.Domain.Tests
exec dotnet stryker \
  --project SubsidyService.Domain.csproj \
  --test-project SubsidyService.Domain.Tests.csproj \
  --reporter html --reporter json --reporter markdown --reporter cleartext \
  --concurrency "${STRYKER_CONCURRENCY:-2}" \
  "$@"
