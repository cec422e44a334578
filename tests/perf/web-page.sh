#!/usr/bin/env bash
# Web page benchmark (docs/PERFORMANCE.md, "Issue 7: web page"): starts `solartap demo` (the whole supervisor with
# a simulated site; it serves the page on a free loopback port), then measures
#   1. the page's first load as a browser makes it (gzip): every request's time and the bytes transferred
#      (headers + bodies), once cold (the supervisor's first requests) and as the median of ROUNDS warm loads;
#   2. the supervisor process's CPU from /proc/PID/stat (utime + stime) over SECONDS with no client, then over
#      SECONDS with CLIENTS open /api/events streams (curl -N), and the difference.
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
  rm -rf "$dir"
}
trap cleanup EXIT

duration=$((3 * seconds + 120))
DOTNET_NOLOGO=1 dotnet "$dll" demo --duration "${duration}s" > "$dir/demo.out" 2>&1 &
supervisor=$!
pids+=("$supervisor")
for _ in $(seq 100); do grep -q '^Web page: ' "$dir/demo.out" && break; sleep 0.1; done
url=$(sed -n 's/^Web page: //p' "$dir/demo.out" | head -1)
[ -n "$url" ] || { echo "the demo printed no web page address:" >&2; cat "$dir/demo.out" >&2; exit 1; }
echo "supervisor pid $supervisor, page $url"
sleep 6 # the simulated inverters post every 5 s: let both post once

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
html_ms() { curl -s --compressed -o /dev/null -w '%{time_total}' "$url" | awk '{ printf "%.2f", $1 * 1000 }'; }

echo "== page load (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
read -r cold_ms cold_bytes <<<"$(load)"
echo "cold first load: ${#paths[@]} requests, ${cold_ms} ms in all, ${cold_bytes} bytes transferred"
: > "$dir/loads"; : > "$dir/html"
for _ in $(seq "$rounds"); do load >> "$dir/loads"; html_ms >> "$dir/html"; echo >> "$dir/html"; done
sort -n -k1 "$dir/loads" | awk -v n="$rounds" 'NR == int((n + 1) / 2) { printf "warm first load, median of %d: %s ms in all, %s bytes transferred\n", n, $1, $2 }'
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

echo "== CPU of the supervisor over ${seconds} s (the demo's simulated inverters run in the same process)"
idle=$(cpu)
echo "no client: ${idle}% of one core (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
for _ in $(seq "$clients"); do
  curl -s -N "${url}api/events" > /dev/null &
  pids+=("$!")
done
sleep 3
port=$(sed 's|.*:\([0-9]*\)/$|\1|' <<<"$url")
open=$(ss -Htn state established "( dport = :$port )" 2>/dev/null | wc -l)
busy=$(cpu)
echo "${clients} event streams open ($open connections seen): ${busy}% of one core (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
awk -v a="$idle" -v b="$busy" -v n="$clients" 'BEGIN { printf "added by %d streams: %.2f percentage points of one core\n", n, b - a }'
echo "resident memory: $(awk '/VmRSS/ { print $2 / 1024 " MB" }' "/proc/$supervisor/status")"
