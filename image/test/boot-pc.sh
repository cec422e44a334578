#!/usr/bin/env bash
# Builds the pc-amd64 image (or takes --image FILE) and boots it under qemu-system-x86_64 (UEFI, OVMF) with its
# inverter port on a tap device inside a network namespace, as a real inverter would see it:
#   - a DHCP client (udhcpc) on that link gets a lease from the appliance,
#   - dig resolves prod.solaredge.com to the appliance,
#   - `solartap simulate` runs an encrypted inverter session against it,
#   - the guest's console report shows solartap.service active under systemd (Type=notify, its watchdog),
#     as user solartap, not restarted.
# Then boots a second copy set up as a user would for the other variants (appliance.txt, cmdline): a read-only
# root, bridge mode (its uplink port on a "home network" namespace with a DHCP server) and a Wi-Fi uplink (the
# guest kernel's mac80211_hwsim radio):
#   - the root is read-only and the supervisor still runs, its journal on the data partition,
#   - both ports are in br0, which gets its address from the home network; the inverter side gets a lease from
#     the home network through the bridge,
#   - solartap.local answers by mDNS on the home network, and the web page is served there,
#   - wpa_supplicant runs on wlan0 with the network named in appliance.txt.
# Ends with "boot-pc: N passed, N failed". Needs root, qemu-system-x86, ovmf, udhcpc, dnsutils, iproute2, mtools,
# dnsmasq, python3, openssh-client.
#   image/test/boot-pc.sh [--image FILE.img] [--keep]      (--keep: leave the work folder for a look)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
test_name=boot-pc
# shellcheck source=image/test/lib.sh
. "$here/lib.sh"

image=""
keep=0
ns=solartap-img-$$      # QEMU runs here; tap0 is the inverter's side of the link
home_ns=solartap-home-$$ # boot 2: the home network behind the uplink port, with its DHCP server
home_ip=10.77.0.1
wifi_ssid=SolarTapTest
inverter_id=7E1A0001
guest_ip=192.168.50.1
boot_limit=${BOOT_LIMIT:-900}
qemu_pid=""

while [ $# -gt 0 ]; do
  case "$1" in
    --image) image=$(readlink -f "$2"); shift ;;
    --keep) keep=1 ;;
    *) echo "usage: $0 [--image FILE.img] [--keep]" >&2; exit 2 ;;
  esac
  shift
done

cleanup() {
  stop_qemu
  if [ -n "${home_server_pid:-}" ]; then kill "$home_server_pid" 2> /dev/null || true; fi
  if [ -f "${work:-}/dnsmasq.pid" ]; then kill "$(cat "$work/dnsmasq.pid")" 2> /dev/null || true; fi
  ip netns del "$ns" 2> /dev/null || true
  ip netns del "$home_ns" 2> /dev/null || true
  if [ "$keep" -eq 1 ]; then say "work folder kept: $work"; else rm -rf "$work"; fi
}

need_tools() {
  local missing=() tool
  for tool in qemu-system-x86_64 udhcpc dig ip mcopy sfdisk xz dnsmasq python3 ssh ssh-keygen; do command -v "$tool" > /dev/null || missing+=("$tool"); done
  [ -f /usr/share/ovmf/OVMF.fd ] || missing+=("ovmf")
  [ "$(id -u)" -eq 0 ] || { echo "$test_name: needs root (network namespace, tap device)" >&2; exit 2; }
  if [ ${#missing[@]} -gt 0 ]; then
    echo "$test_name: missing ${missing[*]} (apt-get install qemu-system-x86 ovmf udhcpc dnsutils iproute2 mtools fdisk xz-utils dnsmasq-base python3 openssh-client)" >&2
    exit 2
  fi
}

build_image() {
  if [ -n "$image" ]; then return; fi
  step "building the pc-amd64 image"
  local started=$SECONDS
  "$repo/image/build.sh" pc-amd64 --no-xz --out "$work/out"
  build_seconds=$((SECONDS - started))
  image="$work/out/solartap-pc-amd64.img"
  say "build took $build_seconds s"
}

# A copy of the image for one boot, with solartap.yaml (on stdin), an inverter key and console-report on its FAT
# partition (what a user could put there too).
prepare_disk() {
  disk=$1
  cp --sparse=always "$image" "$disk"
  fat_offset=$(partition_offset "$disk" 1)
  cat > "$work/solartap.yaml"
  : > "$work/console-report"
  export MTOOLS_SKIP_CHECK=1
  mcopy -o -i "$disk@@$fat_offset" "$work/solartap.yaml" "$work/console-report" ::/
  mmd -i "$disk@@$fat_offset" ::/keys
  mcopy -o -i "$disk@@$fat_offset" "$work/$inverter_id.key" ::/keys/
  # A bigger "card" than the image: the data partition grows to its end on the first boot.
  truncate -s +512M "$disk"
}

make_key() {
  od -An -N16 -tx1 /dev/urandom | tr -d ' \n' > "$work/$inverter_id.key"
}

start_network() {
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  ip -n "$ns" tuntap add dev tap0 mode tap
  # The inverter's side of the link: a SolarEdge MAC prefix, so the appliance's DHCP server answers.
  ip -n "$ns" link set tap0 address 00:27:02:00:00:01
  ip -n "$ns" link set tap0 up
}

# start_qemu NAME UPLINK_NETDEV: boots $disk; the uplink NIC is QEMU's user network or a tap device.
start_qemu() {
  local name=$1 uplink=$2 accel=tcg cpu=max
  if kvm_usable; then accel=kvm cpu=host; fi
  console="$work/console-$name.log"
  : > "$console"
  step "$name: booting under qemu-system-x86_64 ($accel)"
  boot_started=$SECONDS
  ip netns exec "$ns" qemu-system-x86_64 -machine q35 -accel "$accel" -cpu "$cpu" -m 1024 -smp 2 \
    -bios /usr/share/ovmf/OVMF.fd \
    -drive file="$disk",format=raw,if=virtio \
    -netdev tap,id=inverter,ifname=tap0,script=no,downscript=no -device virtio-net-pci,netdev=inverter,mac=52:54:00:50:00:01 \
    -netdev "$uplink" -device virtio-net-pci,netdev=uplink,mac=52:54:00:50:00:02 \
    -device i6300esb -display none -serial file:"$console" -monitor none -no-reboot \
    > "$work/qemu-$name.log" 2>&1 &
  qemu_pid=$!
  accel_used=$accel
}

wait_for_boot() {
  if wait_for_console "$console" 'Reached target.*[Mm]ulti-[Uu]ser' "$boot_limit"; then
    multi_user_seconds=$((SECONDS - boot_started))
    ok "multi-user.target reached ($multi_user_seconds s after QEMU started, $accel_used)"
  else
    not_ok "multi-user.target reached"
    tail -40 "$console"
    return 1
  fi
  if wait_for_console "$console" 'ActiveState=active' 300; then
    ready_seconds=$((SECONDS - boot_started))
    ok "solartap.service active ($ready_seconds s after QEMU started)"
  else
    not_ok "solartap.service active"
    last_report "$console"
    return 1
  fi
}

# udhcpc's own script would rewrite this machine's /etc/resolv.conf: this one only puts the address on tap0.
write_udhcpc_script() {
  cat > "$work/udhcpc.script" <<'EOF'
#!/bin/sh
case "$1" in
  bound|renew)
    ip -4 address flush dev "$interface"
    ip address add "$ip/$subnet" dev "$interface"
    echo "lease: $ip/$subnet from ${serverid:-?}, router ${router:-none}, dns ${dns:-none}, lease ${lease:-?} s"
    ;;
esac
EOF
  chmod 755 "$work/udhcpc.script"
}

# dhcp_lease PREFIX: udhcpc on the inverter's side gets an address that starts with PREFIX (a regex).
dhcp_lease() {
  write_udhcpc_script
  ip netns exec "$ns" udhcpc -i tap0 -f -n -q -t 20 -T 3 -s "$work/udhcpc.script"
  ip -n "$ns" -4 address show tap0 | grep "inet $1"
}

dns_answer() {
  local answer
  answer=$(ip netns exec "$ns" dig +short +time=3 +tries=3 @"$guest_ip" prod.solaredge.com A)
  echo "answer: $answer"
  [ "$answer" = "$guest_ip" ]
}

# The solartap command this machine runs (the simulator, boot 2's stand-in server): the app the image build
# published, else the sources.
solartap_command() {
  local solartap=${SOLARTAP_IMAGE_CACHE:-$repo/image/.cache}/app-linux-x64/solartap
  if [ -x "$solartap" ]; then echo "$solartap"; else echo "dotnet run --project $repo/src/SolarTap -c Release --"; fi
}

# simulate_session SERVER_ADDRESS: an encrypted inverter session of three posts, each acknowledged.
simulate_session() {
  # shellcheck disable=SC2046
  ip netns exec "$ns" $(solartap_command) simulate --server "$1:22222" --id "$inverter_id" \
    --key "$work/$inverter_id.key" --posts 3 --interval 2s --timeout 180s
}

no_failed_units() {
  ! last_report "$console" | grep -E '^failed: '
}

# How many reports the guest has finished so far.
reports_ended() {
  grep -ac SOLARTAP-REPORT-END "$console" || true
}

# fresh_report_answered COUNT: a report begun after report COUNT ended has `solartap status` answering.
fresh_report_answered() {
  [ "$(reports_ended)" -gt "$(($1 + 1))" ] && status_answered
}

check_guest_state() {
  # A fresh report, begun after the session ended, in which `solartap status` answered. The first report to end
  # may have begun before the last ACK: wait for the second.
  wait_until 240 fresh_report_answered "$(reports_ended)" || true
  show_last_report
  check "the supervisor runs under systemd as Type=notify" report_shows '^unit: Type=notify'
  check "its watchdog is armed (WatchdogUSec=30s)" report_shows '^unit: WatchdogUSec=30s'
  check "systemd received watchdog pings" report_shows '^unit: WatchdogTimestampMonotonic=[1-9]'
  check "it runs as user solartap" report_shows '^unit: User=solartap'
  check "it was never restarted (NRestarts=0)" report_shows '^unit: NRestarts=0'
  check "it holds only its three capabilities (CapEff 0000000000003400)" report_shows '^proc: CapEff:\s+0000000000003400'
  check "the inverter port has 192.168.50.1/24" report_shows '^ip: eth0 .* 192\.168\.50\.1/24'
  check "the uplink got an address by DHCP" report_shows '^ip: eth1 .* 10\.0\.2\.'
  check "SSH is off: no authorized_keys on the boot partition" report_shows '^ssh: inactive'
  check "udevadm verify passes SolarTap's udev rules (their groups exist)" report_shows '^udev: +Fail: +0$'
  check "nothing listens on port 22 of the inverter port" ssh_port_closed "$guest_ip"
  check "solartap status answers: running" report_shows '^status: solartap: running'
  check "solartap status lists the simulated inverter: encrypted, 3 posts" report_shows "^status: +$inverter_id +00:27:02:00:00:01 .* encrypted +3 .* solaredge-server *$"
  check "the data partition is mounted on /var/lib/solartap" report_shows '^mount: /var/lib/solartap /dev/vda3 ext4'
  check "the data partition grew to the end of the disk (over 500 MiB)" report_shows '^mount: /var/lib/solartap /dev/vda3 ext4 ([5-9][0-9][0-9](\.[0-9])?M|[0-9.]+G) '
  check "systemd drives the hardware watchdog (RuntimeWatchdogUSec=15s)" report_shows '^watchdog: RuntimeWatchdogUSec=15s'
  check "the hardware watchdog (i6300esb) is active" report_shows "^watchdog: watchdog0 'i6300ESB timer' active"
  check "no unit failed" no_failed_units
}

# Boot 2's variant, set up on the FAT partition as docs/install.md tells a user: bridge mode and Wi-Fi in
# appliance.txt, the router functions off in solartap.yaml, "ro" on the kernel command line. The command line
# also loads mac80211_hwsim, a simulated Wi-Fi radio (wlan0), so the Wi-Fi uplink has a device.
prepare_variant_disk() {
  prepare_disk "$work/disk-variants.img" <<'EOF'
# image/test/boot-pc.sh, boot 2: bridge mode (docs/install.md).
network:
  dhcp_port: off
dns:
  port: off
solaredge:
  mode: off
  keys_directory: /boot/firmware/keys
capture:
  interface: br0
EOF
  cat > "$work/appliance.txt" <<EOF
network_mode=bridge
wifi_ssid=$wifi_ssid
wifi_psk=solar tap test
wifi_country=DE
EOF
  local entry=::/loader/entries/solartap.conf
  mtype -i "$disk@@$fat_offset" "$entry" | tr -d '\r' |
    sed -e 's/ rw / ro /' -e 's/^options /options modules-load=mac80211_hwsim /' > "$work/solartap.conf"
  grep -q ' ro ' "$work/solartap.conf" || { say "no ' rw ' to replace in the boot entry"; return 1; }
  mcopy -o -i "$disk@@$fat_offset" "$work/solartap.conf" "$entry"
  mcopy -o -i "$disk@@$fat_offset" "$work/appliance.txt" ::/appliance.txt
  # SSH on: a key of the test's own in authorized_keys.
  ssh-keygen -q -t ed25519 -N "" -C boot-pc -f "$work/ssh-key"
  mcopy -o -i "$disk@@$fat_offset" "$work/ssh-key.pub" ::/authorized_keys
}

# The home network: tap1 (the appliance's uplink port) bridged to a veth whose other end, in its own
# namespace, has a DHCP server (dnsmasq) as a home router would.
start_home_network() {
  ip netns add "$home_ns"
  ip -n "$home_ns" link set lo up
  ip -n "$ns" tuntap add dev tap1 mode tap
  ip -n "$ns" link add home type bridge
  ip -n "$ns" link add home0 type veth peer name home1 netns "$home_ns"
  ip -n "$ns" link set tap1 master home
  ip -n "$ns" link set home0 master home
  ip -n "$ns" link set tap1 up
  ip -n "$ns" link set home0 up
  ip -n "$ns" link set home up
  ip -n "$home_ns" address add "$home_ip/24" dev home1
  ip -n "$home_ns" link set home1 up
  ip netns exec "$home_ns" dnsmasq --port=0 --interface=home1 --bind-interfaces \
    --dhcp-range=10.77.0.50,10.77.0.150,10m --dhcp-leasefile="$work/dnsmasq.leases" \
    --pid-file="$work/dnsmasq.pid" --log-facility="$work/dnsmasq.log" --log-dhcp
}

# Bridge mode's other end: the inverter's "real" monitoring server, a stand-in `solartap run` on the home
# network. The appliance in between only watches (capture.interface: br0).
start_home_server() {
  local home=$work/home
  mkdir -p "$home/keys"
  cp "$work/$inverter_id.key" "$home/keys/${inverter_id,,}.key"
  cat > "$home/solartap.yaml" <<EOF
# image/test/boot-pc.sh, boot 2: the monitoring server on the home network.
network:
  interface: home1
  address: $home_ip/24
  dhcp_port: off
  uplink_interface: none
dns:
  port: off
solaredge:
  ports: [22222]
  require_clock_sync: false
  keys_directory: $home/keys
journal:
  path: $home/journal.db
status:
  socket: $home/status.sock
web:
  port: off
EOF
  # shellcheck disable=SC2046
  ip netns exec "$home_ns" $(solartap_command) run --config "$home/solartap.yaml" > "$home/server.log" 2>&1 &
  home_server_pid=$!
}

# The capture's counters and the inverter as the appliance's `solartap status` shows them, once it has all
# three posts (a report comes every 20 s).
capture_decoded_session() {
  wait_until 120 report_shows "^status: +$inverter_id .* encrypted +3 " || true
  report_shows '^status: +capture '
  report_shows "^status: +$inverter_id .* encrypted +3 .* capture *$"
}

# The appliance's address on the home network (br0), from the last report.
bridge_address() {
  report_shows '^ip: br0 ' | grep -oE '10\.77\.0\.[0-9]+' | head -1
}

# A report that shows br0's address, the Wi-Fi state and `solartap status` answering.
variant_report_ready() {
  [ -n "$(bridge_address)" ] && report_shows '^wifi: wpa_state=' > /dev/null && status_answered
}

no_inverter_address() {
  ! report_shows '^ip: eth0 .*192\.168\.'
}

mdns_answer() {
  local answer expected
  expected=$(bridge_address)
  answer=$(ip netns exec "$home_ns" python3 "$here/mdns-query.py" solartap.local "$home_ip" 20)
  echo "$answer (br0 has $expected)"
  [[ $answer == "solartap.local is $expected "* ]]
}

# The web page's port as `solartap status` shows it (80 here: with solaredge.mode off, port 80 is free).
web_port() {
  local url
  url=$(report_shows '^status: +web +running' | grep -oE 'http://[^ ,]+' | head -1)
  [[ $url =~ :([0-9]+)/?$ ]] && echo "${BASH_REMATCH[1]}" || echo 80
}

web_page_on_home_network() {
  ip netns exec "$home_ns" python3 - "http://$(bridge_address):$(web_port)/" <<'EOF'
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=20) as r:
    body = r.read()
    print(f"{sys.argv[1]}: HTTP {r.status}, {len(body)} bytes")
    sys.exit(0 if r.status == 200 and b"SolarTap" in body else 1)
EOF
}

ssh_port_closed() {
  ! ip netns exec "$ns" timeout 5 bash -c "exec 3<> /dev/tcp/$1/22" 2> /dev/null
}

ssh_login() {
  local out
  out=$(ip netns exec "$home_ns" ssh -i "$work/ssh-key" -o BatchMode=yes -o ConnectTimeout=30 \
    -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR "root@$(bridge_address)" \
    'systemctl is-active solartap.service; findmnt -n -o OPTIONS /; ls /var/lib/solartap/ssh')
  echo "$out"
  grep -qx active <<< "$out" && grep -q '^ro,' <<< "$out" && grep -qx ssh_host_ed25519_key <<< "$out"
}

check_variant_state() {
  wait_until 240 variant_report_ready || true
  show_last_report
  check "the root file system is read-only" report_shows '^mount: / /dev/vda2 ext4 [^ ]+ ro,'
  check "the data partition is writable on /var/lib/solartap" report_shows '^mount: /var/lib/solartap /dev/vda3 ext4 [^ ]+ rw,'
  check "solartap status answers: running (its journal on the data partition)" report_shows '^status: solartap: running'
  check "it was never restarted (NRestarts=0)" report_shows '^unit: NRestarts=0'
  check "bridge mode: eth0 is in br0" report_shows '^bridge: eth0 in br0'
  check "bridge mode: eth1 is in br0" report_shows '^bridge: eth1 in br0'
  check "bridge mode: eth0 has no address of its own" no_inverter_address
  check "bridge mode: br0 got its address from the home network's DHCP server" bridge_address
  check "through the bridge, the inverter side gets a lease from the home network" dhcp_lease '10\.77\.0\.'
  check "through the bridge, an encrypted session with the server on the home network is acknowledged" simulate_session "$home_ip"
  check "the appliance decoded that session passively (capture on br0): encrypted, 3 posts" capture_decoded_session
  check "solartap.local answers by mDNS on the home network" mdns_answer
  check "the web page is served on the home network (port $(web_port), from solartap status)" web_page_on_home_network
  check "SSH with the key from authorized_keys, read-only root: host keys on the data partition" ssh_login
  check "Wi-Fi: solartap-wifi.service runs wpa_supplicant on wlan0" report_shows '^wifi: solartap-wifi.service active'
  check "Wi-Fi: wpa_supplicant has the network from appliance.txt" report_shows "^wifi: network 0\s+$wifi_ssid\s"
  check "Wi-Fi: wpa_supplicant looks for it" report_shows '^wifi: wpa_state=(SCANNING|DISCONNECTED|ASSOCIATING|AUTHENTICATING)'
  check "no unit failed" no_failed_units
}

main() {
  need_tools
  work=$(mktemp -d /tmp/solartap-boot-pc.XXXXXX)
  trap cleanup EXIT
  build_image
  make_key
  start_network

  prepare_disk "$work/disk.img" <<'EOF'
# image/test/boot-pc.sh: the boot partition's configuration for the test.
network:
  uplink_interface: eth1
solaredge:
  require_clock_sync: false
  keys_directory: /boot/firmware/keys
EOF
  start_qemu router "user,id=uplink"
  if wait_for_boot; then
    check "DHCP: udhcpc on the inverter link gets a lease" dhcp_lease '192\.168\.50\.'
    check "DNS: prod.solaredge.com resolves to the appliance" dns_answer
    check "an encrypted simulated inverter session is acknowledged" simulate_session "$guest_ip"
    check_guest_state
  fi
  say "times: build ${build_seconds:-n/a} s, multi-user ${multi_user_seconds:-n/a} s, supervisor ready ${ready_seconds:-n/a} s ($accel_used)"
  stop_qemu
  ip -n "$ns" -4 address flush dev tap0

  step "boot 2: a read-only root, bridge mode and a Wi-Fi uplink"
  prepare_variant_disk
  start_home_network
  start_home_server
  multi_user_seconds="" ready_seconds=""
  start_qemu variants "tap,id=uplink,ifname=tap1,script=no,downscript=no"
  if wait_for_boot; then
    check_variant_state
  fi
  say "times (read-only root, bridge, Wi-Fi): multi-user ${multi_user_seconds:-n/a} s, supervisor ready ${ready_seconds:-n/a} s"
  stop_qemu
  summary
}

main "$@"; exit
