#!/usr/bin/env bash
# DNS queries per second, SolarTap against dnsmasq, same veth, same dnsperf load (docs/PERFORMANCE.md).
# The names are the inverter's: local answers for names under solaredge.com (A and AAAA).
# Usage (root): tests/perf/dns-qps.sh [seconds=10] [outstanding=100]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
outstanding=${2:-100}
. tests/perf/netns-lab.sh
require dnsperf dnsperf; require dnsmasq dnsmasq-base
dotnet build -c Release -nologo -v q src/SolarTap > /dev/null
lab_up 192.0.2.10/24
printf '%s\n' "prod.solaredge.com A" "monitoring.solaredge.com A" "prod.solaredge.com AAAA" "ntp.solaredge.com A" > "$work/queries"

load() { # prints queries per second
  ip netns exec "$PT-cli" dnsperf -s 192.0.2.1 -d "$work/queries" -l "$seconds" -q "$outstanding" -c 1 > "$work/dnsperf.txt" 2>&1
  grep -E "Queries (sent|completed|lost)|Queries per second|Average Latency" "$work/dnsperf.txt" | sed 's/^ */    /' >&2
  awk '/Queries per second/ { print $4 }' "$work/dnsperf.txt"
}

solartap_start ""
ip netns exec "$PT-cli" dnsperf -s 192.0.2.1 -d "$work/queries" -l 2 -q "$outstanding" > /dev/null 2>&1 # warm-up (JIT)
echo "solartap:" >&2
solartap=$(load)
server_stop

ip netns exec "$PT-srv" dnsmasq -k --conf-file=/dev/null --no-resolv --no-hosts --bind-interfaces --interface=inv0 \
  --except-interface=lo --address=/solaredge.com/192.0.2.1 --pid-file="$work/dnsmasq.pid" 2> "$work/dnsmasq.log" &
server_pid=$!
sleep 0.5
echo "dnsmasq:" >&2
dnsmasq=$(load)
server_stop

awk -v s="$solartap" -v d="$dnsmasq" 'BEGIN { printf "DNS queries/s: solartap %.0f, dnsmasq %.0f, ratio %.2f\n", s, d, s / d }'
