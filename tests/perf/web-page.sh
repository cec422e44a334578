#!/usr/bin/env bash
# Web page benchmark (docs/PERFORMANCE.md, "Issue 7: web page"): starts `solartap run` on loopback (the page on
# 127.0.0.1) and `solartap simulate` with two inverters of 20 optimizers posting every 5 s, then measures
#   1. the page's first load as a browser makes it (gzip): every request's time and the bytes transferred
#      (headers + bodies), once cold (the supervisor's first requests) and as the median of ROUNDS warm loads;
#   2. the supervisor process's CPU from /proc/PID/stat (utime + stime) over SECONDS with no client, then over
#      SECONDS with CLIENTS open /api/events streams (curl -N), twice each, alternating, and the difference.
# Needs a Release build and curl. Prints the load average with each measurement: the machine may be shared.
#   tests/perf/web-page.sh [CLIENTS=20] [SECONDS=60] [ROUNDS=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-20} seconds=${2:-60} rounds=${3:-20}
dll=src/SolarTap/bin/Release/net10.0/solartap.dll
[ -f "$dll" ] || { echo "build first: dotnet build Appliance.sln -c Release" >&2; exit 2; }
dir=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT

server_port=$((20000 + $$ % 10000)) web_port=$((30000 + $$ % 10000))
mkdir -p "$dir/keys"
cat > "$dir/solartap.yaml" <<YAML
network:
  dhcp_port: off
dns:
  port: off
solaredge:
  bind_address: 127.0.0.1
  ports: [$server_port]
  require_clock_sync: false
  keys_directory: $dir/keys
journal:
  path: $dir/journal.db
status:
  socket: $dir/status.sock
web:
  address: 127.0.0.1
  port: $web_port
YAML
DOTNET_NOLOGO=1 dotnet "$dll" run --config "$dir/solartap.yaml" > "$dir/supervisor.log" 2>&1 &
supervisor=$!
pids+=("$supervisor")
url="http://127.0.0.1:$web_port/"
for _ in $(seq 200); do curl -s -o /dev/null "$url" && break; sleep 0.1; done
posts=$(( (4 * seconds + 240 + rounds * 2) / 5 )) # posts every 5 s until the last window has ended
DOTNET_NOLOGO=1 dotnet "$dll" simulate --server "127.0.0.1:$server_port" --id 7E300001 --count 2 --optimizers 20 \
  --interval 5s --posts "$posts" > "$dir/simulate.log" 2>&1 &
pids+=("$!")
echo "supervisor pid $supervisor, page $url; 2 simulated inverters with 20 optimizers each post every 5 s"
sleep 12 # let both inverters post

# The requests of a first page load: the page's files, then what app.js asks for.
serials=$(curl -s "${url}api/site" | grep -o '"kind":"inverter","serial":"[0-9A-F]*"' | sed 's/.*"serial":"//; s/"//')
paths=(/ /app.css /app.js /api/status /api/site /api/diagnostics /api/config /api/settings)
for s in $serials; do paths+=("/api/history?hours=24&serial=$s"); done

load() { # prints "total_ms bytes"
  local total=0 bytes=0 line
  for p in "${paths[@]}"; do
    line=$(curl -s --compressed -o /dev/null -w '%{time_total} %{size_download} %{size_header}' "${url%/}$p")
    read -r t b h <<<"$line"
    total=$(awk -v a="$total" -v b="$t" 'BEGIN { print a + b }')
    bytes=$((bytes + b + h))
  done
  awk -v t="$total" -v b="$bytes" 'BEGIN { printf "%.1f %d\n", t * 1000, b }'
}
own_ms() { # the page's own files, as a browser fetches them at once
  local total=0 t
  for p in / /app.css /app.js; do
    t=$(curl -s --compressed -o /dev/null -w '%{time_total}' "${url%/}$p")
    total=$(awk -v a="$total" -v b="$t" 'BEGIN { print a + b }')
  done
  awk -v t="$total" 'BEGIN { printf "%.2f", t * 1000 }'
}
rss() { awk '/VmRSS/ { printf "%.1f MB", $2 / 1024 }' "/proc/$supervisor/status"; }
html_ms() { curl -s --compressed -o /dev/null -w '%{time_total}' "$url" | awk '{ printf "%.2f", $1 * 1000 }'; }

echo "== page load (load average: $(cut -d' ' -f1-3 /proc/loadavg)); supervisor RSS $(rss)"
read -r cold_ms cold_bytes <<<"$(load)"
echo "cold first load: ${#paths[@]} requests, ${cold_ms} ms in all, ${cold_bytes} bytes transferred"
: > "$dir/loads"; : > "$dir/html"; : > "$dir/own"
for _ in $(seq "$rounds"); do
  load >> "$dir/loads"
  html_ms >> "$dir/html"; echo >> "$dir/html"
  own_ms >> "$dir/own"; echo >> "$dir/own"
done
sort -n -k1 "$dir/loads" | awk -v n="$rounds" 'NR == int((n + 1) / 2) { printf "warm first load, median of %d: %s ms in all, %s bytes transferred\n", n, $1, $2 }'
sort -n "$dir/own" | awk -v n="$rounds" 'NR == int((n + 1) / 2) { m = $1 } NR == n { printf "the page itself (/, /app.css, /app.js one after the other): median %s ms, slowest %s ms\n", m, $1 }'
sort -n "$dir/html" | awk -v n="$rounds" 'NR == int((n + 1) / 2) { m = $1 } NR == n { printf "the HTML alone (GET /): median %s ms, slowest %s ms\n", m, $1 }'

ticks() { # utime + stime of the supervisor, in clock ticks
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$supervisor/stat"
}
hz=$(getconf CLK_TCK)
cpu() { # CPU % of one core over $seconds
  local a b
  a=$(ticks); sleep "$seconds"; b=$(ticks)
  awk -v d=$((b - a)) -v hz="$hz" -v s="$seconds" 'BEGIN { printf "%.2f", d / hz / s * 100 }'
}

# Warm-up: one event stream for a while, so the first window does not time the just-in-time compilation of the
# stream's code; then the runtime's tiered compilation finishes what the page loads started.
timeout 10 curl -s -N "${url}api/events" > /dev/null || true
sleep 15
echo "supervisor RSS after the page loads: $(rss)"
echo "== CPU of the supervisor over ${seconds} s windows, alternating (the simulated inverters are another process)"
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
stored() { curl -s "${url}api/status" | grep -o '[0-9]* readings"' | cut -d' ' -f1; } # the summary's count
streams=()
for round in 1 2; do
  before=$(stored)
  idle=$(cpu)
  echo "round $round, no client: ${idle}% of one core, $(( $(stored) - before )) readings stored meanwhile (load average: $(loadavg))"
  for _ in $(seq "$clients"); do
    curl -s -N "${url}api/events" > /dev/null &
    streams+=("$!")
    pids+=("$!")
  done
  sleep 3
  open=$(ss -Htn state established "( dport = :$web_port )" 2>/dev/null | wc -l)
  before=$(stored)
  busy=$(cpu)
  echo "round $round, ${clients} event streams open ($open connections seen): ${busy}% of one core, $(( $(stored) - before )) readings stored meanwhile (load average: $(loadavg))"
  awk -v a="$idle" -v b="$busy" -v n="$clients" -v r="$round" 'BEGIN { printf "round %d: added by %d streams: %.2f percentage points of one core\n", r, n, b - a }'
  for p in "${streams[@]}"; do kill "$p" 2>/dev/null || true; done
  streams=()
  sleep 2
  echo "round $round: supervisor RSS $(rss)"
done
echo "supervisor VmHWM (peak RSS): $(awk '/VmHWM/ { printf "%.1f MB", $2 / 1024 }' "/proc/$supervisor/status")"
