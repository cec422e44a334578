# Shared by dns-qps.sh and dhcp-tps.sh (sourced): two namespaces joined by a veth, removed on exit.
#   $PT-srv: inv0 192.0.2.1/24 (SolarTap or dnsmasq)    $PT-cli: eth0 (load generator)
# Documentation addresses only (RFC 5737); nothing leaves the namespaces.
PT=pt$$
work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2> /dev/null || true; wait "$server_pid" 2> /dev/null || true; fi
  ip netns del "$PT-srv" 2> /dev/null || true
  ip netns del "$PT-cli" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

require() { command -v "$1" > /dev/null || { echo "$0: '$1' is missing: apt-get install -y $2" >&2; exit 2; }; }
[ "$(id -u)" -eq 0 ] || { echo "$0: needs root (network namespaces)" >&2; exit 2; }

lab_up() { # $1 = client address (CIDR) or "none"
  ip netns add "$PT-srv"; ip netns add "$PT-cli"
  ip link add "$PT-a" type veth peer name "$PT-b"
  ip link set "$PT-a" netns "$PT-srv"; ip link set "$PT-b" netns "$PT-cli"
  ip -n "$PT-srv" link set "$PT-a" name inv0; ip -n "$PT-cli" link set "$PT-b" name eth0
  ip -n "$PT-srv" addr add 192.0.2.1/24 dev inv0
  [ "$1" = none ] || ip -n "$PT-cli" addr add "$1" dev eth0
  for ns in srv cli; do ip -n "$PT-$ns" link set lo up; done
  ip -n "$PT-srv" link set inv0 up; ip -n "$PT-cli" link set eth0 up
}

solartap_start() { # $1 = extra YAML for the network section
  cat > "$work/solartap.yaml" << YAML
network:
  interface: inv0
  address: 192.0.2.1/24
  pool_start: 192.0.2.10
  pool_end: 192.0.2.250
  lease_file: $work/leases.txt
  uplink_interface: none
$1
dns:
  upstream: 203.0.113.53
solaredge:
  mode: off
journal:
  path: $work/journal.db
status:
  socket: $work/status.sock
YAML
  ip netns exec "$PT-srv" dotnet src/SolarTap/bin/Release/net10.0/solartap.dll run --config "$work/solartap.yaml" > "$work/solartap.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do grep -q "DNS: serving" "$work/solartap.log" && grep -q "DHCP: serving" "$work/solartap.log" && return; sleep 0.1; done
  cat "$work/solartap.log" >&2; exit 1
}

server_stop() { kill "$server_pid"; wait "$server_pid" 2> /dev/null || true; server_pid=; }
