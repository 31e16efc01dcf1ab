#!/usr/bin/env bash
# Runs BpomBot locally: Azurite (data in .azurite/), the bot on 127.0.0.1:3978 and the Microsoft 365 Agents
# Playground (channel msteams) pointed at it, with the demo roster (scripts/demo/roster.csv) loaded. Starts each
# service only when the one before it answers, says what it waits for, and stops at once with the relevant log line
# when one cannot start. Prints the URL to open; Ctrl-C stops everything.
#
# Nothing leaves this machine: the Node tools run with scripts/loopback-only.cjs (non-loopback connections and
# DNS look-ups fail at once, servers listen on 127.0.0.1 only, telemetry off), and when a network namespace
# can be created (root, or unprivileged user namespaces; also when already inside one) all services run in one
# whose only interface is loopback; scripts/port-bridge.cjs then makes the Playground, the bot and Azurite
# reachable on this machine's 127.0.0.1 only (so the CLI on this machine reaches the same storage).
#
# Environment: BPOMBOT_PORT (3978), PLAYGROUND_PORT (56150), AZURITE_PORTS ("10000 10001 10002": blob queue table),
# BPOMBOT_PLAYGROUND_USER (alex: who the Playground user is; a first name or user-id-N from scripts/demo/roster.csv),
# BPOMBOT_DEMO_ROSTER=0 to skip loading the demo roster, BPOMBOT_RUN_NETNS=0 to skip the namespace,
# BPOMBOT_SKIP_BUILD=1 to use the bot as last built.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 NPM_CONFIG_UPDATE_NOTIFIER=false
bot_port=${BPOMBOT_PORT:-3978}
playground_port=${PLAYGROUND_PORT:-56150}
read -r -a azurite_ports <<<"${AZURITE_PORTS:-10000 10001 10002}" # blob queue table
logs=$root/.local/logs
bot_dll=$root/bot/BpomBot.Host/bin/Release/net10.0/bpombot.dll
demo_roster=$root/scripts/demo/roster.csv
say() { printf '==> %s\n' "$*"; }

# The demo roster row (aad_object_id,name,email,unit_id,roles,teams_id) of the Playground user to act as.
playground_user_row() {
  local want=${BPOMBOT_PLAYGROUND_USER:-alex}
  awk -F, -v want="$(printf '%s' "$want" | tr '[:upper:]' '[:lower:]')" \
    'NR > 1 { split(tolower($2), n, " "); if (n[1] == want || tolower($6) == want || tolower($1) == want) { print; exit } }' "$demo_roster"
}

# The Playground's mock world: its own six users, the chosen one as the current user, and a fixed personal chat per
# user (so the bot's stored conversation still reaches that user after a restart).
write_playground_config() { # file current_row
  local current=$2
  {
    echo 'version: "0.1.1"'
    echo 'tenantId: 00000000-0000-0000-0000-0000000000001'
    echo 'bot:'
    echo '  id: 00000000-0000-0000-0000-00000000000011'
    echo '  name: BpomBot'
    awk -F, -v current="$current" '
      function user(first, indent,   n) {
        split($2, n, " ")
        printf "%sid: %s\n", first, $6
        printf "%sname: %s\n%suserPrincipleName: %s\n%saadObjectId: %s\n", indent, $2, indent, $3, indent, $1
        printf "%sgivenName: %s\n%ssurname: %s\n%semail: %s\n", indent, n[1], indent, substr($2, length(n[1]) + 2), indent, $3
      }
      NR > 1 && $0 == current { print "currentUser:"; user("  ", "  ") }
      NR > 1 && $0 != current { others[++count] = $0 }
      END { print "users:"; for (i = 1; i <= count; i++) { $0 = others[i]; user("  - ", "    ") } }' "$demo_roster"
    echo 'personalChat:'
    echo "  id: personal-$(cut -d, -f6 <<<"$current")"
    echo 'groupChat:'
    echo '  id: group-chat-id'
    echo '  name: Group Chat'
    echo 'team:'
    echo '  id: team-id'
    echo '  name: My Team'
    echo '  aadGroupId: 00000000-0000-0000-0000-000000000031'
    echo '  channels:'
    echo '    - id: channel-announcements-id'
    echo '      name: Announcements'
  } >"$1"
}

# The most telling line of a log: an error message (ours, Node's, or an exception's), else the first line that
# looks like an error, else the last non-empty line.
relevant_line() {
  local line
  line=$(grep -m1 -E '^[[:space:]]*(bpombot: |ERROR|Error: |[A-Za-z0-9_.]+(Exception|Error): )' "$1" 2>/dev/null || true)
  [ -n "$line" ] || line=$(grep -m1 -iE 'unhandled|exception|error|fail|crit|EADDRINUSE|address already in use|cannot|refused' "$1" 2>/dev/null || true)
  [ -n "$line" ] || line=$(grep -v '^[[:space:]]*$' "$1" 2>/dev/null | tail -n 1 || true)
  line=${line#"${line%%[![:space:]]*}"}
  printf '%s' "${line:-(empty log)}"
}

# --- Inside: start the services one after the other and supervise them (run directly, or inside the namespace). ---
services() {
  local bridge_dir=${1:-}
  if [ -n "$bridge_dir" ]; then ip link set lo up; fi
  # LOOPBACK_ONLY_VERBOSE: every refused destination is listed in the Node tools' logs.
  export NODE_OPTIONS="--require $root/scripts/loopback-only.cjs" LOOPBACK_ONLY_VERBOSE=1 TEAMSAPPTESTER_BROWSER=none
  local pids=() stopping=0
  stop_services() {
    ((stopping)) && return
    stopping=1
    ((${#pids[@]})) || return 0
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

  fail() { # name log message
    echo "ERROR: $1 $3" >&2
    echo "       $(relevant_line "$2")" >&2
    echo "       (full log: ${2#"$root"/})" >&2
    exit 1
  }
  # Waits until probe succeeds; stops at once when the service's process ended.
  wait_until() { # name pid log seconds what probe...
    local name=$1 pid=$2 log=$3 seconds=$4 what=$5
    shift 5
    say "waiting for $name ($what)"
    local deadline=$((SECONDS + seconds))
    until "$@" 2>/dev/null; do
      if ! kill -0 "$pid" 2>/dev/null; then
        local status=0
        wait "$pid" 2>/dev/null || status=$?
        fail "$name" "$log" "stopped during start-up (exit code $status):"
      fi
      ((SECONDS < deadline)) || fail "$name" "$log" "did not answer $what within $seconds s. Last relevant log line:"
      sleep 0.3
    done
  }
  http_any() { curl -s -o /dev/null --max-time 2 "$1"; }              # any HTTP answer: the port is open
  http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }             # a 2xx answer

  mkdir -p "$root/.azurite" "$root/.local/playground" "$logs"

  node "$root/node_modules/azurite/dist/src/azurite.js" --location "$root/.azurite" --disableTelemetry --skipApiVersionCheck \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "${azurite_ports[0]}" --queuePort "${azurite_ports[1]}" --tablePort "${azurite_ports[2]}" >"$logs/azurite.log" 2>&1 &
  pids+=($!)
  local azurite=$!
  wait_until Azurite "$azurite" "$logs/azurite.log" 30 "blob 127.0.0.1:${azurite_ports[0]}" http_any "http://127.0.0.1:${azurite_ports[0]}/"
  wait_until Azurite "$azurite" "$logs/azurite.log" 30 "table 127.0.0.1:${azurite_ports[2]}" http_any "http://127.0.0.1:${azurite_ports[2]}/"

  # Azurite's well-known development account (public, documented by Microsoft).
  local storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:${azurite_ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${azurite_ports[1]}/devstoreaccount1;TableEndpoint=http://127.0.0.1:${azurite_ports[2]}/devstoreaccount1;"

  if [ "${BPOMBOT_DEMO_ROSTER:-1}" != 0 ]; then
    say "loading the demo roster (scripts/demo/roster.csv; BPOMBOT_DEMO_ROSTER=0 skips it)"
    if ! (cd "$(dirname "$bot_dll")" && Storage__ConnectionString="$storage" DOTNET_ENVIRONMENT=Development \
      env -u NODE_OPTIONS dotnet "$bot_dll" roster import "$demo_roster") >"$logs/roster.log" 2>&1; then
      fail "the demo roster" "$logs/roster.log" "could not be imported:"
    fi
  fi

  (cd "$(dirname "$bot_dll")" && ASPNETCORE_ENVIRONMENT=Development \
    Storage__ConnectionString="$storage" \
    exec env -u NODE_OPTIONS dotnet "$bot_dll" --urls "http://127.0.0.1:$bot_port") >"$logs/bot.log" 2>&1 &
  pids+=($!)
  local bot=$!
  wait_until "the bot" "$bot" "$logs/bot.log" 90 "http://127.0.0.1:$bot_port/healthz" http_ok "http://127.0.0.1:$bot_port/healthz"
  wait_until "the bot" "$bot" "$logs/bot.log" 30 "storage ready: http://127.0.0.1:$bot_port/readyz" http_ok "http://127.0.0.1:$bot_port/readyz"

  local user_row
  user_row=$(playground_user_row)
  if [ -z "$user_row" ]; then
    echo "ERROR: BPOMBOT_PLAYGROUND_USER=${BPOMBOT_PLAYGROUND_USER:-} is not a user of scripts/demo/roster.csv; use one of:" \
      "$(awk -F, 'NR > 1 { split($2, n, " "); printf " %s", tolower(n[1]) }' "$demo_roster")" >&2
    exit 1
  fi
  write_playground_config "$root/.local/playground/.m365agentsplayground.yml" "$user_row"
  rm -f "$logs/playground-events.log"
  (cd "$root/.local/playground" && M365_AGENTS_PLAYGROUND_RECORDING_FILE="$logs/playground-events.log" \
    exec node "$root/node_modules/@microsoft/m365agentsplayground/cli.js" \
    --app-endpoint "http://127.0.0.1:$bot_port/api/messages" --channel-id msteams --port "$playground_port" \
    --enable-events-recording --disable-telemetry) >"$logs/playground.log" 2>&1 &
  pids+=($!)
  local playground=$!
  playground_listening() { grep -q '^Listening on ' "$logs/playground.log"; }
  wait_until "the Playground" "$playground" "$logs/playground.log" 60 "\"Listening on $playground_port\" in its log" playground_listening
  local port
  port=$(sed -n 's/^Listening on \([0-9]*\).*/\1/p' "$logs/playground.log" | head -n 1)
  if [ "$port" != "$playground_port" ]; then
    fail "the Playground" "$logs/playground.log" "could not use port $playground_port (it took $port instead); is another Playground running? Set PLAYGROUND_PORT. Its log:"
  fi
  wait_until "the Playground" "$playground" "$logs/playground.log" 30 "http://127.0.0.1:$playground_port/_debug/ping" http_ok "http://127.0.0.1:$playground_port/_debug/ping"

  if [ -n "$bridge_dir" ]; then
    node "$root/scripts/port-bridge.cjs" unix-to-tcp "$bridge_dir" "$playground_port" "$bot_port" "${azurite_ports[@]}" &
    pids+=($!)
  fi

  local user_name
  user_name=$(cut -d, -f2 <<<"$user_row")
  # In the namespace the banner waits until the bridge on this machine answers (the outside part prints it).
  banner() {
    if [ -n "$bridge_dir" ]; then cat >"$bridge_dir/banner.tmp" && mv "$bridge_dir/banner.tmp" "$bridge_dir/banner"; else cat; fi
  }
  banner <<EOF

  BpomBot is running.
    Agents Playground:  http://127.0.0.1:$playground_port/     <- open this in your browser
                        you are $user_name ($(cut -d, -f5 <<<"$user_row") at $(cut -d, -f4 <<<"$user_row")); another user: BPOMBOT_PLAYGROUND_USER=<name> ./run.sh
    Bot endpoint:       http://127.0.0.1:$bot_port/api/messages   (health: /healthz, /readyz)
    Azurite:            blob ${azurite_ports[0]}, queue ${azurite_ports[1]}, table ${azurite_ports[2]} on 127.0.0.1; data in .azurite/
    Logs:               .local/logs/{bot,playground,azurite,roster}.log, .local/logs/playground-events.log
  Press Ctrl-C to stop.

EOF
  local status=0
  wait -n "${pids[@]}" || status=$?
  echo "ERROR: a service stopped unexpectedly (exit code $status); stopping the others. See .local/logs/." >&2
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

# node_modules matches the lockfile when Azurite and the Playground are installed at the locked versions.
node_modules_current() {
  node -e '
    const lock = require("./package-lock.json").packages;
    for (const name of ["azurite", "@microsoft/m365agentsplayground"]) {
      let installed;
      try { installed = require(`./node_modules/${name}/package.json`).version; } catch { process.exit(1); }
      if (installed !== lock[`node_modules/${name}`].version) process.exit(1);
    }' 2>/dev/null
}
if ! node_modules_current; then
  say "npm ci (Azurite, Agents Playground)"
  npm ci --no-audit --no-fund --loglevel=error
fi
if [ "${BPOMBOT_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$bot_dll" ]; then
  say "dotnet build bot/BpomBot.Host -c Release (the first build takes a few minutes)"
  dotnet build bot/BpomBot.Host -c Release -nologo -clp:ErrorsOnly -v:q
fi

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
status=0
cleanup() {
  trap - INT TERM EXIT
  exec 2>/dev/null # no job-status noise ("Terminated") while stopping
  echo
  say "stopping"
  for pid in "${children[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for _ in $(seq 1 75); do
    alive=0
    for pid in "${children[@]}"; do kill -0 -- "-$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.2
  done
  for pid in "${children[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  [ -n "${bridge_dir:-}" ] && rm -rf "$bridge_dir"
  say "stopped"
  exit "$status"
}
trap cleanup EXIT
trap 'status=130; exit 130' INT
trap 'status=143; exit 143' TERM

if ((${#namespace[@]})); then
  say "starting in a loopback-only network namespace (${namespace[*]})"
  bridge_dir=$(mktemp -d "${TMPDIR:-/tmp}/bpombot-run.XXXXXX")
  setsid "${namespace[@]}" "$0" --services "$bridge_dir" &
  children+=($!)
  services_pid=$!
  # The bridge on this machine's loopback opens once the services are up (a port already taken here is reported).
  until [ -e "$bridge_dir/banner" ]; do
    kill -0 "$services_pid" 2>/dev/null || break
    sleep 0.2
  done
  if [ -e "$bridge_dir/banner" ]; then
    say "opening 127.0.0.1:$playground_port (Playground), :$bot_port (bot) and ${azurite_ports[*]} (Azurite) on this machine"
    setsid node "$root/scripts/port-bridge.cjs" tcp-to-unix "$bridge_dir" "$playground_port" "$bot_port" "${azurite_ports[@]}" &
    children+=($!)
    bridge_pid=$!
    until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$playground_port/_debug/ping" 2>/dev/null \
      && curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$bot_port/healthz" 2>/dev/null; do
      kill -0 "$bridge_pid" 2>/dev/null && kill -0 "$services_pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$bridge_pid" 2>/dev/null; then cat "$bridge_dir/banner"; fi
  fi
else
  say "starting on this machine's loopback (no network namespace available; Node tools are limited to loopback by scripts/loopback-only.cjs)"
  setsid "$0" --services &
  children+=($!)
fi
# Each child leads its own process group; the first one to end ends the run.
wait -n "${children[@]}" || status=$?
