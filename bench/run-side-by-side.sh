#!/usr/bin/env bash
# BpomBot vs the official Bot Framework JavaScript SDK, same machine, same run.
# Builds what it needs (Release), then runs bench/load/bench.mjs inside a loopback-only network namespace.
# Usage: bench/run-side-by-side.sh [--bots peer,bpombot] [--levels 1,16,64] [--duration 20] [--warmup 5]
#                                  [--flow mulai|any] [--json out.json] [--bpombot-env KEY=VALUE ...] [--verbose]
#                                  [--ingress direct|queue|both]   (BpomBot acknowledging after the commit, queue first, or both)
# SKIP_BUILD=1 skips npm/dotnet steps (everything already built). BENCH_NICE=<n> runs everything under nice -n <n>.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${BENCH_IN_NETNS:-}" == 1 ]]; then
    ip link set lo up
    # BENCH_NICE=-5 (root) lowers the chance that unrelated work on a shared machine skews the figures; both bots,
    # Azurite, the proxy and the load generator inherit it alike.
    exec nice -n "${BENCH_NICE:-0}" node bench/load/bench.mjs "$@"
fi

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
    if [[ ! -x node_modules/.bin/azurite-table ]]; then
        echo "[bench] npm ci (Azurite)" >&2
        npm ci --no-audit --no-fund --loglevel=error >&2
    fi
    if [[ ! -d bench/peer-js/node_modules/botbuilder ]]; then
        echo "[bench] npm ci (peer-js)" >&2
        # botbuilder-dialogs' install script (npx rimraf of three nested copies) fails offline: skip scripts, do it here.
        (cd bench/peer-js && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
        for pkg in recognizers-text-suite recognizers-text-date-time recognizers-text-number-with-unit; do
            rm -rf "bench/peer-js/node_modules/@microsoft/$pkg/node_modules/@microsoft/recognizers-text-number"
        done
    fi
    echo "[bench] dotnet build bot/BpomBot.Host -c Release" >&2
    dotnet build bot/BpomBot.Host -c Release -nologo -v quiet -clp:ErrorsOnly >&2
fi

export BENCH_IN_NETNS=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [[ "$(id -u)" == 0 ]]; then
    exec unshare -n "$0" "$@"
else
    exec unshare -rn "$0" "$@"
fi
