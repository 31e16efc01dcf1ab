#!/usr/bin/env bash
# Runs BpomBot locally: Azurite (data in .azurite/), the bot on 127.0.0.1:3978 and the Microsoft 365 Agents
# Playground (channel msteams) pointed at it. Prints the URL to open; Ctrl-C stops all three.
#
# Nothing leaves this machine: the Node tools run with scripts/loopback-only.cjs (non-loopback connections and
# DNS look-ups fail at once, servers listen on 127.0.0.1 only, telemetry off), and when a network namespace
# can be created (root, or unprivileged user namespaces) all three run in one whose only interface is
# loopback; scripts/port-bridge.cjs then makes the Playground and the bot reachable on this machine's
# 127.0.0.1 only (Azurite stays inside; its data is in .azurite/).
#
# Environment: BPOMBOT_PORT (3978), PLAYGROUND_PORT (56150), AZURITE_PORTS ("10000 10001 10002": blob queue table),
# BPOMBOT_RUN_NETNS=0 to skip the namespace.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 NPM_CONFIG_UPDATE_NOTIFIER=false
bot_port=${BPOMBOT_PORT:-3978}
playground_port=${PLAYGROUND_PORT:-56150}
read -r -a azurite_ports <<<"${AZURITE_PORTS:-10000 10001 10002}" # blob queue table
logs=$root/.local/logs
bot_dll=$root/bot/BpomBot.Host/bin/Release/net10.0/bpombot.dll

# --- Inside: start the three services and supervise them (run directly, or inside the namespace). ---
services() {
  local bridge_dir=${1:-}
  if [ -n "$bridge_dir" ]; then ip link set lo up; fi
  # LOOPBACK_ONLY_VERBOSE: every refused destination is listed in the Node tools' logs.
  export NODE_OPTIONS="--require $root/scripts/loopback-only.cjs" LOOPBACK_ONLY_VERBOSE=1 TEAMSAPPTESTER_BROWSER=none
  local pids=() stopping=0
  stop_services() {
    ((stopping)) && return
    stopping=1
    kill -TERM "${pids[@]}" 2>/dev/null || true
    local pid alive
    for _ in $(seq 1 50); do
      alive=0
      for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
      ((alive)) || break
      sleep 0.2
    done
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  }
  trap stop_services EXIT
  trap 'exit 0' INT TERM

  mkdir -p "$root/.azurite" "$root/.local/playground" "$logs"
  node "$root/node_modules/azurite/dist/src/azurite.js" --location "$root/.azurite" --disableTelemetry --skipApiVersionCheck \
    --blobPort "${azurite_ports[0]}" --queuePort "${azurite_ports[1]}" --tablePort "${azurite_ports[2]}" >"$logs/azurite.log" 2>&1 &
  pids+=($!)

  # Azurite's well-known development account (public, documented by Microsoft).
  local storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:${azurite_ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${azurite_ports[1]}/devstoreaccount1;TableEndpoint=http://127.0.0.1:${azurite_ports[2]}/devstoreaccount1;"
  (cd "$(dirname "$bot_dll")" && ASPNETCORE_ENVIRONMENT=Development \
    Storage__ConnectionString="$storage" \
    exec env -u NODE_OPTIONS dotnet "$bot_dll" --urls "http://127.0.0.1:$bot_port") >"$logs/bot.log" 2>&1 &
  pids+=($!)

  (cd "$root/.local/playground" && exec node "$root/node_modules/@microsoft/m365agentsplayground/cli.js" \
    --app-endpoint "http://127.0.0.1:$bot_port/api/messages" --channel-id msteams --port "$playground_port" \
    --disable-telemetry) >"$logs/playground.log" 2>&1 &
  pids+=($!)

  if [ -n "$bridge_dir" ]; then
    node "$root/scripts/port-bridge.cjs" unix-to-tcp "$bridge_dir" "$playground_port" "$bot_port" &
    pids+=($!)
  fi

  wait_for() { # name url
    for _ in $(seq 1 240); do
      curl -fsS -o /dev/null --max-time 2 "$2" 2>/dev/null && return 0
      kill -0 "${pids[@]}" 2>/dev/null || break
      sleep 0.5
    done
    echo "ERROR: $1 did not start ($2). Last lines of its log:" >&2
    tail -n 30 "$logs/$1.log" >&2 || true
    exit 1
  }
  wait_for bot "http://127.0.0.1:$bot_port/healthz"
  local port
  for _ in $(seq 1 120); do
    port=$(sed -n 's/^Listening on \([0-9]*\).*/\1/p' "$logs/playground.log" | head -n 1)
    [ -n "$port" ] && break
    sleep 0.5
  done
  if [ "${port:-}" != "$playground_port" ]; then
    echo "ERROR: the Playground is not on port $playground_port (${port:-not started}); is the port in use? See $logs/playground.log" >&2
    exit 1
  fi
  wait_for playground "http://127.0.0.1:$playground_port/_debug/ping"

  cat <<EOF

  BpomBot is running.
    Agents Playground:  http://127.0.0.1:$playground_port/     <- open this in your browser
    Bot endpoint:       http://127.0.0.1:$bot_port/api/messages   (health: /healthz)
    Azurite:            blob ${azurite_ports[0]}, queue ${azurite_ports[1]}, table ${azurite_ports[2]}${bridge_dir:+ (inside the namespace)}; data in .azurite/
    Logs:               .local/logs/{bot,playground,azurite}.log
  Press Ctrl-C to stop.

EOF
  wait -n "${pids[@]}" || true
  echo "A service stopped unexpectedly; stopping the others. See .local/logs/." >&2
  exit 1
}

if [ "${1:-}" = --services ]; then
  services "${2:-}"
  exit
fi

# --- Outside: prepare, then start the services and stop them on Ctrl-C. ---
need() { command -v "$1" >/dev/null 2>&1 || { echo "ERROR: $1 not found. $2" >&2; exit 1; }; }
need dotnet "Install the .NET 10 SDK (see global.json)."
need node "Install Node.js 20 or newer."
need npm "Install npm (comes with Node.js)."
need curl "Install curl."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> npm ci (Azurite, Agents Playground)"
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "==> dotnet build bot/BpomBot.Host -c Release"
dotnet build bot/BpomBot.Host -c Release -nologo -clp:ErrorsOnly -v:q

namespace=()
if [ "${BPOMBOT_RUN_NETNS:-1}" != 0 ] && command -v unshare >/dev/null 2>&1 && command -v ip >/dev/null 2>&1; then
  for flags in "-n" "-r -n"; do
    # shellcheck disable=SC2086
    if unshare $flags sh -c 'ip link set lo up' </dev/null >/dev/null 2>&1; then
      read -r -a namespace <<<"unshare $flags"
      break
    fi
  done
fi

children=()
cleanup() {
  trap - INT TERM EXIT
  exec 2>/dev/null # no job-status noise ("Terminated") while stopping
  echo
  echo "==> stopping"
  for pid in "${children[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for _ in $(seq 1 75); do
    alive=0
    for pid in "${children[@]}"; do kill -0 -- "-$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.2
  done
  for pid in "${children[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  [ -n "${bridge_dir:-}" ] && rm -rf "$bridge_dir"
  echo "==> stopped"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ((${#namespace[@]})); then
  echo "==> starting in a loopback-only network namespace (${namespace[*]})"
  bridge_dir=$(mktemp -d "${TMPDIR:-/tmp}/bpombot-run.XXXXXX")
  setsid "${namespace[@]}" "$0" --services "$bridge_dir" &
  children+=($!)
  setsid node "$root/scripts/port-bridge.cjs" tcp-to-unix "$bridge_dir" "$playground_port" "$bot_port" &
  children+=($!)
else
  echo "==> starting on this machine's loopback (no network namespace available; Node tools are limited to loopback by scripts/loopback-only.cjs)"
  setsid "$0" --services &
  children+=($!)
fi
# Each child leads its own process group; the first one to end ends the run.
wait -n "${children[@]}" || true
