#!/usr/bin/env bash
# Runs every test: unit, Azurite-backed contract tests, Kestrel host tests and the end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
dotnet test BpomBot.sln -c Release
