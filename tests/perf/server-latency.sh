#!/usr/bin/env bash
# SolarEdge server benchmark (docs/PERFORMANCE.md, "SolarEdge server"): starts `solartap run` on loopback, measures the
# time to READY (a NOTIFY_SOCKET stand-in), resident memory at idle and under load, and the post-to-ACK latency of
# N simulated inverters in one `solartap simulate` process. Needs a Release build and socat.
#   tests/perf/server-latency.sh [INVERTERS=50] [POSTS=15] [STARTS=3]
# SOLARTAP=DIR/solartap runs that executable (a `dotnet publish -r linux-x64 --self-contained` folder, as the image
# ships it) as the supervisor instead of the Release build's solartap.dll; the simulator stays the Release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
inverters=${1:-50} posts=${2:-15} starts=${3:-3}
dll=src/SolarTap/bin/Release/net10.0/solartap.dll
# Run as the appliance's systemd unit runs it (its Environment= lines: GC and malloc settings); UNIT_ENV=0 for none.
if [ "${UNIT_ENV:-1}" = 1 ]; then
  # shellcheck disable=SC2046
  export $(sed -n 's/^Environment=//p' overlays/rootfs/usr/lib/systemd/system/solartap.service)
fi
# EXTRA_ENV="NAME=VALUE ..." adds to (or overrides) that environment, to measure a runtime knob.
# shellcheck disable=SC2086,SC2163
[ -n "${EXTRA_ENV:-}" ] && export ${EXTRA_ENV}
[ -f "$dll" ] || { echo "build first: dotnet build Appliance.sln -c Release" >&2; exit 2; }
if [ -n "${SOLARTAP:-}" ]; then
  [ -x "$SOLARTAP" ] || { echo "SOLARTAP=$SOLARTAP is not an executable" >&2; exit 2; }
  supervisor_cmd=("$SOLARTAP")
else
  supervisor_cmd=(dotnet "$dll")
fi
echo "supervisor: ${supervisor_cmd[*]}; ${EXTRA_ENV:+extra environment: $EXTRA_ENV; }load average: $(cut -d' ' -f1-3 /proc/loadavg)"
dir=$(mktemp -d)
supervisor=""
notify=""
# KEEP_LOG=FILE keeps the (last) supervisor's output.
cleanup() {
  [ -n "${KEEP_LOG:-}" ] && cp "$dir/supervisor.log" "$KEEP_LOG"
  [ -n "$supervisor" ] && kill "$supervisor" 2>/dev/null || true
  [ -n "$notify" ] && kill "$notify" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
cat > "$dir/solartap.yaml" <<YAML
solaredge:
  bind_address: 127.0.0.1
  ports: [32222]
  require_clock_sync: false
  keys_directory: $dir/keys
journal:
  path: $dir/journal.db
web:
  address: 127.0.0.1
  port: 32280
status:
  socket: $dir/status.sock
YAML
mkdir -p "$dir/keys"
rss() { awk '/VmRSS/ {print $2 / 1024}' "/proc/$1/status"; }
# VmRSS's parts: anonymous (GC heap, malloc, JIT'd code, stacks), file-backed (the runtime's and the assemblies'
# mapped code), shared memory.
rss_parts() { awk '/RssAnon|RssFile|RssShmem/ {printf "%s %.1f MB  ", $1, $2 / 1024}' "/proc/$1/status"; }
now_ms() { date +%s%3N; }

start_supervisor() {
  rm -f "$dir/notify" "$dir/notify.log" "$dir/status.sock"
  socat -u UNIX-RECV:"$dir/notify" OPEN:"$dir/notify.log",creat,append & notify=$!
  while [ ! -S "$dir/notify" ]; do sleep 0.01; done
  local t0; t0=$(now_ms)
  NOTIFY_SOCKET="$dir/notify" "${supervisor_cmd[@]}" run --config "$dir/solartap.yaml" > "$dir/supervisor.log" 2>&1 & supervisor=$!
  until grep -q READY=1 "$dir/notify.log" 2>/dev/null; do sleep 0.005; done
  ready_ms=$(( $(now_ms) - t0 ))
}

stop_supervisor() {
  kill "$supervisor"; wait "$supervisor" || true; supervisor=""
  kill "$notify" 2>/dev/null || true; wait "$notify" 2>/dev/null || true; notify=""
}

for i in $(seq 1 "$starts"); do
  start_supervisor
  echo "start $i: READY after $ready_ms ms"
  [ "$i" -lt "$starts" ] && stop_supervisor
done

sleep 3
echo "idle RSS: $(rss "$supervisor") MB ($(rss_parts "$supervisor")threads $(ls "/proc/$supervisor/task" | wc -l))"
[ "${BREAKDOWN:-0}" = 1 ] && python3 tests/perf/rss-breakdown.py "$supervisor"

peak=0 peak_threads=0
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system time, clock ticks
cpu0=$(cpu "$supervisor")
dotnet "$dll" simulate --server 127.0.0.1:32222 --id 7E200001 --count "$inverters" --optimizers 20 --interval 2s --posts "$posts" \
  --timeout 300s > "$dir/simulate.log" 2>&1 & simulator=$!
while kill -0 "$simulator" 2>/dev/null; do
  r=$(rss "$supervisor"); peak=$(awk -v a="$r" -v b="$peak" 'BEGIN {print (a > b) ? a : b}')
  t=$(ls "/proc/$supervisor/task" | wc -l); [ "$t" -gt "$peak_threads" ] && peak_threads=$t
  sleep 0.2
done
wait "$simulator" && status=0 || status=$?
echo "supervisor CPU during the load: $(awk -v a="$(cpu "$supervisor")" -v b="$cpu0" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f s", (a - b) / hz}')"
echo "loaded RSS (peak of samples every 0.2 s, $inverters inverters): $peak MB"
echo "supervisor VmHWM: $(awk '/VmHWM/ {print $2 / 1024}' "/proc/$supervisor/status") MB; after the load: $(rss_parts "$supervisor")threads $(ls "/proc/$supervisor/task" | wc -l) (peak $peak_threads)"
# BREAKDOWN=1: resident memory by mapping (GC heap, malloc arenas, stacks, code), tests/perf/rss-breakdown.py.
[ "${BREAKDOWN:-0}" != 0 ] && python3 tests/perf/rss-breakdown.py "$supervisor" ${BREAKDOWN_FILES:+-v}
grep -E 'Post-to-ACK|^OK|^FAILED' "$dir/simulate.log"
echo "journal: $(dotnet "$dll" journal export --journal "$dir/journal.db" | wc -l) readings; simulate exit $status"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
stop_supervisor
exit "$status"
