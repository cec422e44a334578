#!/usr/bin/env bash
# What the web page costs the supervisor's start (docs/PERFORMANCE.md, "Issue 7: web page"): starts `solartap run`
# on loopback STARTS times with the page on (127.0.0.1, a free port) and STARTS times with web.port: off, and prints
# for each the time to READY (a NOTIFY_SOCKET stand-in), the time until the page first answers, and the resident
# memory 3 s after READY. Needs a Release build, socat and curl.
#   tests/perf/web-startup.sh [STARTS=5]
set -euo pipefail
cd "$(dirname "$0")/../.."
starts=${1:-5}
dll=src/SolarTap/bin/Release/net10.0/solartap.dll
[ -f "$dll" ] || { echo "build first: dotnet build Appliance.sln -c Release" >&2; exit 2; }
dir=$(mktemp -d)
supervisor="" notify=""
cleanup() {
  [ -n "$supervisor" ] && kill "$supervisor" 2>/dev/null || true
  [ -n "$notify" ] && kill "$notify" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
now_ms() { date +%s%3N; }

run_once() { # $1: web port (0 or off); prints "ready_ms page_ms rss_mb"
  rm -f "$dir/notify" "$dir/notify.log" "$dir/status.sock" "$dir"/journal.db*
  cat > "$dir/solartap.yaml" <<YAML
network:
  dhcp_port: off
dns:
  port: off
solaredge:
  bind_address: 127.0.0.1
  ports: [0]
  require_clock_sync: false
  keys_directory: $dir/keys
journal:
  path: $dir/journal.db
status:
  socket: $dir/status.sock
web:
  address: 127.0.0.1
  port: $1
YAML
  socat -u UNIX-RECV:"$dir/notify" OPEN:"$dir/notify.log",creat,append & notify=$!
  while [ ! -S "$dir/notify" ]; do sleep 0.01; done
  local t0 ready page=- url
  t0=$(now_ms)
  NOTIFY_SOCKET="$dir/notify" dotnet "$dll" run --config "$dir/solartap.yaml" > "$dir/supervisor.log" 2>&1 & supervisor=$!
  until grep -q READY=1 "$dir/notify.log" 2>/dev/null; do sleep 0.005; done
  ready=$(( $(now_ms) - t0 ))
  if [ "$1" != off ]; then
    until url=$(grep -o 'Web page: http://[^ ]*' "$dir/supervisor.log" | sed 's/Web page: //'); [ -n "$url" ]; do sleep 0.005; done
    curl -s -o /dev/null "$url"
    page=$(( $(now_ms) - t0 ))
  fi
  sleep 3
  echo "$ready $page $(awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$supervisor/status")"
  kill "$supervisor"; wait "$supervisor" || true; supervisor=""
  kill "$notify" 2>/dev/null || true; wait "$notify" 2>/dev/null || true; notify=""
}

mkdir -p "$dir/keys"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for web in off 0; do
  for i in $(seq "$starts"); do
    read -r ready page rss <<<"$(run_once "$web")"
    echo "web.port $web, start $i: READY after $ready ms, page answered after $page ms, RSS $rss MB"
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
