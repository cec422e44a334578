#!/usr/bin/env bash
# DHCP transactions per second (DISCOVER-OFFER-REQUEST-ACK), SolarTap against dnsmasq, same veth, same perfdhcp
# load (docs/PERFORMANCE.md). perfdhcp acts as a relay (giaddr 192.0.2.2) for 200 simulated SolarEdge MACs.
# Usage (root): tests/perf/dhcp-tps.sh [seconds=10] [rate=20000]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
rate=${2:-20000}
. tests/perf/netns-lab.sh
require perfdhcp kea-admin; require dnsmasq dnsmasq-base
dotnet build -c Release -nologo -v q src/SolarTap > /dev/null
lab_up 192.0.2.2/24

load() { # prints 4-way exchanges per second
  ip netns exec "$PT-cli" perfdhcp -4 -l eth0 -r "$rate" -R 200 -p "$seconds" -b mac=00:27:02:00:00:00 192.0.2.1 > "$work/perfdhcp.txt" 2>&1 || true
  grep -E "^(Rate|sent packets|received packets|drops ratio):" "$work/perfdhcp.txt" | sed 's/^/    /' >&2 || cat "$work/perfdhcp.txt" >&2
  awk '/^Rate:/ { print $2; exit }' "$work/perfdhcp.txt"
}

solartap_start ""
ip netns exec "$PT-cli" perfdhcp -4 -l eth0 -r 1000 -R 200 -p 2 -b mac=00:27:02:00:00:00 192.0.2.1 > /dev/null 2>&1 || true # warm-up
echo "solartap:" >&2
solartap=$(load)
server_stop

# dnsmasq without its ping check (--no-ping), its best case; it writes its lease file on every change.
ip netns exec "$PT-srv" dnsmasq -k --conf-file=/dev/null --port=0 --bind-interfaces --interface=inv0 --except-interface=lo \
  --dhcp-range=192.0.2.10,192.0.2.250,1h --dhcp-leasefile="$work/dnsmasq.leases" --no-ping --pid-file="$work/dnsmasq.pid" \
  2> "$work/dnsmasq.log" &
server_pid=$!
sleep 0.5
echo "dnsmasq:" >&2
dnsmasq=$(load)
server_stop

awk -v s="$solartap" -v d="$dnsmasq" 'BEGIN { printf "DHCP exchanges/s: solartap %.0f, dnsmasq %.0f, ratio %.2f\n", s, d, s / d }'
