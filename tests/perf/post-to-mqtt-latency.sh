#!/usr/bin/env bash
# End-to-end latency from an inverter's post to the MQTT state message (docs/PERFORMANCE.md, "Issue 4: journal and
# MQTT"): a real mosquitto on a free loopback port, the real supervisor (`solartap run`: SolarEdge server, SQLite
# journal, MqttSink at QoS 1 with Home Assistant discovery), and the driver in SolarTap.Benchmarks, which is both the
# simulated inverter (plain, one post every INTERVAL_MS of real time) and an MQTT subscriber to solartap/+/state.
# Per reading: post written to the socket -> its state message received. Also prints the supervisor's CPU time and
# the load average, because the machine may be shared. Needs mosquitto; builds what it runs.
#   tests/perf/post-to-mqtt-latency.sh [POSTS=2000] [OPTIMIZERS=4] [INTERVAL_MS=20] [RUNS=1] [WARMUP=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
posts=${1:-2000} optimizers=${2:-4} interval=${3:-20} runs=${4:-1} warmup=${5:-20}
mosquitto=$(command -v mosquitto || echo /usr/sbin/mosquitto)
[ -x "$mosquitto" ] || { echo "mosquitto is not installed: apt-get install -y mosquitto" >&2; exit 2; }
dotnet build -c Release -nologo -v q src/SolarTap > /dev/null
dotnet build -c Release -nologo -v q tests/SolarTap.Benchmarks > /dev/null
dll=src/SolarTap/bin/Release/net10.0/solartap.dll
driver=tests/SolarTap.Benchmarks/bin/Release/net10.0/SolarTap.Benchmarks.dll
dir=$(mktemp -d)
broker="" supervisor=""
cleanup() {
  [ -n "$supervisor" ] && kill "$supervisor" 2>/dev/null && wait "$supervisor" 2>/dev/null || true
  [ -n "$broker" ] && kill "$broker" 2>/dev/null && wait "$broker" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# The journal commits with fsync, so the disk's fsync time is part of every number: measure it beside the journal.
fsync_probe() { python3 -c 'import os, sys, time
fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT); t = []
for _ in range(100):
    os.write(fd, b"x" * 4096); s = time.perf_counter(); os.fsync(fd); t.append(time.perf_counter() - s)
os.remove(sys.argv[1]); t.sort(); print("fsync after a 4 KiB append (the file grows): p50 %.2f ms, p90 %.2f ms" % (t[50] * 1e3, t[90] * 1e3))' "$1"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # utime + stime, in clock ticks
wait_for() { for _ in $(seq 600); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.05; done; echo "no '$2' in $1:" >&2; cat "$1" >&2; exit 1; }

mqtt_port=$(free_port)
cat > "$dir/mosquitto.conf" <<CONF
user root
listener $mqtt_port 127.0.0.1
allow_anonymous true
CONF
"$mosquitto" -c "$dir/mosquitto.conf" > "$dir/mosquitto.log" 2>&1 & broker=$!

for run in $(seq "$runs"); do
  se_port=$(free_port)
  rm -rf "$dir/run" && mkdir -p "$dir/run/keys"
  cat > "$dir/run/solartap.yaml" <<YAML
solaredge:
  bind_address: 127.0.0.1
  ports: [$se_port]
  require_clock_sync: false
  keys_directory: $dir/run/keys
journal:
  path: $dir/run/journal.db
status:
  socket: $dir/run/status.sock
mqtt:
  host: 127.0.0.1
  port: $mqtt_port
  client_id: latency$run
  qos: 1
YAML
  dotnet "$dll" run --config "$dir/run/solartap.yaml" > "$dir/run/supervisor.log" 2>&1 & supervisor=$!
  wait_for "$dir/run/supervisor.log" "MQTT: connected"
  wait_for "$dir/run/supervisor.log" "SolarEdge: listening"
  echo "run $run: $(fsync_probe "$dir/run/fsync-probe")"
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  cpu_before=$(cpu_ticks "$supervisor")
  start=$(date +%s.%N)
  dotnet "$driver" post-to-mqtt "$se_port" "$mqtt_port" "$posts" "$optimizers" "$interval" "$warmup" && status=0 || status=$?
  end=$(date +%s.%N)
  cpu_after=$(cpu_ticks "$supervisor")
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  hz=$(getconf CLK_TCK)
  awk -v a="$cpu_before" -v b="$cpu_after" -v hz="$hz" -v p="$posts" -v s="$start" -v e="$end" -v r="$run" \
    'BEGIN { cpu = (b - a) / hz; printf "run %d: %.1f s wall; supervisor CPU %.2f s = %.2f ms per post\n", r, e - s, cpu, cpu * 1000 / p }'
  echo "run $run: load average before $load_before, after $load_after ($(nproc) cores)"
  kill "$supervisor"; wait "$supervisor" 2>/dev/null || true; supervisor=""
  [ "$status" -eq 0 ] || { echo "run $run: the driver failed (exit $status)"; exit "$status"; }
done
