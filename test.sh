#!/usr/bin/env bash
# Runs every test: unit, Azurite-backed contract tests, Kestrel host tests and the end-to-end tests
# (Azurite + bot + Microsoft 365 Agents Playground, over its HTTP API and in Debian's Chromium).
#
# 1. Prepare (needs the package registries): npm ci, Debian's chromium (+ iproute2, and the emoji font for the
#    screenshots) when missing and we are root,
#    dotnet build -c Release.
# 2. Test (needs no network): `dotnet test BpomBot.sln -c Release --no-build` inside a fresh network namespace
#    whose only interface is loopback, so nothing a test starts can reach another machine. Also a fresh PID
#    namespace where possible, so every process a test started dies with the run.
#    Root uses `unshare -n`; other users try a user namespace (`unshare -rn`); when neither works the tests
#    still run, kept on loopback only by scripts/loopback-only.cjs (Node tools) and the tests' own settings.
#
# Environment: BPOMBOT_TEST_NETNS=0 skips the namespace. Extra arguments go to `dotnet test` (e.g. --filter ...).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 NPM_CONFIG_UPDATE_NOTIFIER=false
started=$SECONDS
say() { printf '\n==> %s\n' "$*"; }

say "npm ci (Azurite, Agents Playground)"
npm ci --no-audit --no-fund --loglevel=error </dev/null

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
# LibreOffice opens the rekap workbook in a test (converted to CSV); without it that test is skipped.
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then
    say "apt-get install ${missing[*]} (Debian packages; no browser is downloaded)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq </dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
  else
    echo "WARNING: not installed: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
    echo "         (without chromium the browser end-to-end tests fail; without ip no network namespace is used;" >&2
    echo "          without libreoffice-calc-nogui the workbook-opens-in-LibreOffice test is skipped)" >&2
  fi
fi

# The cards use emoji (status dots, links, feedback buttons); without a colour emoji font the browser screenshots show
# boxes instead. Optional: the tests pass either way.
if command -v dpkg-query >/dev/null 2>&1 && ! dpkg-query -W -f='${Status}' fonts-noto-color-emoji 2>/dev/null | grep -q 'ok installed'; then
  if [ "$(id -u)" = 0 ]; then
    say "apt-get install fonts-noto-color-emoji (so the card screenshots show emoji)"
    export DEBIAN_FRONTEND=noninteractive
    { ((${#missing[@]})) || apt-get update -qq; } </dev/null && apt-get install -y -qq --no-install-recommends fonts-noto-color-emoji </dev/null \
      || echo "WARNING: fonts-noto-color-emoji not installed; screenshots will show boxes for emoji." >&2
  else
    echo "NOTE: sudo apt-get install fonts-noto-color-emoji makes the card screenshots show emoji." >&2
  fi
fi

say "dotnet build BpomBot.sln -c Release"
dotnet build BpomBot.sln -c Release -nologo -clp:ErrorsOnly </dev/null

log=$(mktemp)
trap 'rm -f "$log"' EXIT
run() { set +e; "$@" </dev/null 2>&1 | tee "$log"; status=${PIPESTATUS[0]}; set -e; }
test_cmd=(dotnet test BpomBot.sln -c Release --no-build --nologo "$@")
inner='ip link set lo up && exec "$@"'
namespace=()
if [ "${BPOMBOT_TEST_NETNS:-1}" != 0 ] && command -v unshare >/dev/null 2>&1 && command -v ip >/dev/null 2>&1; then
  for flags in "-n -p -f --mount-proc --kill-child" "-n" "-r -n -p -f --mount-proc --kill-child" "-r -n"; do
    # shellcheck disable=SC2086
    if unshare $flags sh -c 'ip link set lo up' </dev/null >/dev/null 2>&1; then
      read -r -a namespace <<<"unshare $flags"
      break
    fi
  done
fi

if ((${#namespace[@]})); then
  say "dotnet test (inside: ${namespace[*]}; only loopback exists)"
  run "${namespace[@]}" bash -c "$inner" bash "${test_cmd[@]}"
elif [ "${BPOMBOT_TEST_NETNS:-1}" = 0 ]; then
  say "dotnet test (host network: BPOMBOT_TEST_NETNS=0)"
  run "${test_cmd[@]}"
else
  echo "WARNING: no loopback-only network namespace available (need root or unprivileged user namespaces, and iproute2)." >&2
  echo "         Running the tests on the host network; Node tools are still limited to loopback by scripts/loopback-only.cjs." >&2
  say "dotnet test (host network)"
  run "${test_cmd[@]}"
fi

elapsed=$((SECONDS - started))
# One plain closing line over all test projects: "N passed, N failed".
awk '/^(Passed|Failed)! +- +Failed:/ { gsub(",", ""); f += $4; p += $6; s += $8 }
     END { if (p + f > 0) printf "\nTotal: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
say "test.sh finished with exit code $status after $((elapsed / 60)) min $((elapsed % 60)) s"
[ -d TestResults/e2e ] && echo "Browser screenshots: $(pwd)/TestResults/e2e/"
exit "$status"
