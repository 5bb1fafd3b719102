#!/usr/bin/env bash
# Builds the release a county installs: dist/subsidyservice-<version>-linux-x64.tar.gz (framework-dependent for
# linux-x64: the server needs the ASP.NET Core 10 runtime, not the SDK or the package registries) and its SHA-256.
# Usage: scripts/publish.sh [version] [output directory]   (version defaults to the date and the commit)
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-$(date -u +%Y.%m.%d)-$(git rev-parse --short HEAD 2>/dev/null || echo local)}"
out="$(mkdir -p "${2:-dist}" && cd "${2:-dist}" && pwd)"
name="subsidyservice-${version}-linux-x64"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

echo "Publishing ${name}…"
dotnet publish src/SubsidyService/SubsidyService.csproj -c Release -r linux-x64 --self-contained false \
  -p:UseAppHost=false -p:DebugType=none -p:SatelliteResourceLanguages=zh-Hans -o "$stage/$name/app" --nologo -v quiet
cp appsettings.example.json "$stage/$name/"
cp deploy/subsidyservice.service deploy/nginx-subsidyservice.conf deploy/subsidyservice.env.example "$stage/$name/"
cp docs/operations.md "$stage/$name/OPERATIONS.md"
echo "$version" > "$stage/$name/VERSION"
(cd "$stage/$name" && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 sha256sum > SHA256SUMS)

tar -C "$stage" -czf "$out/$name.tar.gz" "$name"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1))"
