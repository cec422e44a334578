#!/usr/bin/env bash
# Builds the pc-amd64 image (or takes --image FILE) and boots it under qemu-system-x86_64 (UEFI, OVMF) with its
# inverter port on a tap device inside a network namespace, as a real inverter would see it:
#   - a DHCP client (udhcpc) on that link gets a lease from the appliance,
#   - dig resolves prod.solaredge.com to the appliance,
#   - `solartap simulate` runs an encrypted inverter session against it,
#   - the guest's console report shows solartap.service active under systemd (Type=notify, its watchdog),
#     as user solartap, not restarted.
# Ends with "boot-pc: N passed, N failed". Needs root, qemu-system-x86, ovmf, udhcpc, dnsutils, iproute2, mtools.
#   image/test/boot-pc.sh [--image FILE.img] [--keep]      (--keep: leave the work folder for a look)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
test_name=boot-pc
# shellcheck source=image/test/lib.sh
. "$here/lib.sh"

image=""
keep=0
ns=solartap-img-$$
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
  ip netns del "$ns" 2> /dev/null || true
  if [ "$keep" -eq 1 ]; then say "work folder kept: $work"; else rm -rf "$work"; fi
}

need_tools() {
  local missing=() tool
  for tool in qemu-system-x86_64 udhcpc dig ip mcopy sfdisk xz; do command -v "$tool" > /dev/null || missing+=("$tool"); done
  [ -f /usr/share/ovmf/OVMF.fd ] || missing+=("ovmf")
  [ "$(id -u)" -eq 0 ] || { echo "$test_name: needs root (network namespace, tap device)" >&2; exit 2; }
  if [ ${#missing[@]} -gt 0 ]; then
    echo "$test_name: missing ${missing[*]} (apt-get install qemu-system-x86 ovmf udhcpc dnsutils iproute2 mtools fdisk xz-utils)" >&2
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

# The test's own copy of the image, with a test configuration, an inverter key and console-report on its FAT
# partition (what a user could put there too).
prepare_disk() {
  disk="$work/disk.img"
  cp --sparse=always "$image" "$disk"
  local offset key
  offset=$(partition_offset "$disk" 1)
  key=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  echo "$key" > "$work/$inverter_id.key"
  cat > "$work/solartap.yaml" <<EOF
# image/test/boot-pc.sh: the boot partition's configuration for the test.
network:
  uplink_interface: eth1
solaredge:
  require_clock_sync: false
  keys_directory: /boot/firmware/keys
EOF
  : > "$work/console-report"
  export MTOOLS_SKIP_CHECK=1
  mcopy -o -i "$disk@@$offset" "$work/solartap.yaml" "$work/console-report" ::/
  mmd -i "$disk@@$offset" ::/keys
  mcopy -o -i "$disk@@$offset" "$work/$inverter_id.key" ::/keys/
  # A bigger "card" than the image: the data partition grows to its end on the first boot.
  truncate -s +512M "$disk"
}

start_network() {
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  ip -n "$ns" tuntap add dev tap0 mode tap
  # The inverter's side of the link: a SolarEdge MAC prefix, so the appliance's DHCP server answers.
  ip -n "$ns" link set tap0 address 00:27:02:00:00:01
  ip -n "$ns" link set tap0 up
}

start_qemu() {
  local accel=tcg cpu=max
  if kvm_usable; then accel=kvm cpu=host; fi
  console="$work/console.log"
  : > "$console"
  step "booting under qemu-system-x86_64 ($accel)"
  boot_started=$SECONDS
  ip netns exec "$ns" qemu-system-x86_64 -machine q35 -accel "$accel" -cpu "$cpu" -m 1024 -smp 2 \
    -bios /usr/share/ovmf/OVMF.fd \
    -drive file="$disk",format=raw,if=virtio \
    -netdev tap,id=inverter,ifname=tap0,script=no,downscript=no -device virtio-net-pci,netdev=inverter,mac=52:54:00:50:00:01 \
    -netdev user,id=uplink -device virtio-net-pci,netdev=uplink,mac=52:54:00:50:00:02 \
    -device i6300esb -display none -serial file:"$console" -monitor none -no-reboot \
    > "$work/qemu.log" 2>&1 &
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

dhcp_lease() {
  write_udhcpc_script
  ip netns exec "$ns" udhcpc -i tap0 -f -n -q -t 20 -T 3 -s "$work/udhcpc.script"
  ip -n "$ns" -4 address show tap0 | grep 'inet 192\.168\.50\.'
}

dns_answer() {
  local answer
  answer=$(ip netns exec "$ns" dig +short +time=3 +tries=3 @"$guest_ip" prod.solaredge.com A)
  echo "answer: $answer"
  [ "$answer" = "$guest_ip" ]
}

simulate_session() {
  local solartap=${SOLARTAP_IMAGE_CACHE:-$repo/image/.cache}/app-linux-x64/solartap
  [ -x "$solartap" ] || solartap="dotnet run --project $repo/src/SolarTap -c Release --"
  # shellcheck disable=SC2086
  ip netns exec "$ns" $solartap simulate --server "$guest_ip:22222" --id "$inverter_id" \
    --key "$work/$inverter_id.key" --posts 3 --interval 2s --timeout 180s
}

no_failed_units() {
  ! last_report "$console" | grep -E '^failed: '
}

check_guest_state() {
  # A fresh report, begun after the session ended, in which `solartap status` answered (under TCG it may miss its
  # 5 s window now and then). The first report to end may have begun before the last ACK: wait for the second.
  local count waited=0
  count=$(grep -ac SOLARTAP-REPORT-END "$console" || true)
  while [ $waited -lt 240 ]; do
    if [ "$(grep -ac SOLARTAP-REPORT-END "$console" || true)" -gt "$((count + 1))" ] &&
      report_shows '^status: solartap: ' > /dev/null && ! report_shows 'did not answer' > /dev/null; then
      break
    fi
    sleep 2
    waited=$((waited + 2))
  done
  echo "--- the guest's last report:"
  last_report "$console" | sed 's/^/    /'
  check "the supervisor runs under systemd as Type=notify" report_shows '^unit: Type=notify'
  check "its watchdog is armed (WatchdogUSec=30s)" report_shows '^unit: WatchdogUSec=30s'
  check "systemd received watchdog pings" report_shows '^unit: WatchdogTimestampMonotonic=[1-9]'
  check "it runs as user solartap" report_shows '^unit: User=solartap'
  check "it was never restarted (NRestarts=0)" report_shows '^unit: NRestarts=0'
  check "it holds only its three capabilities (CapEff 0000000000003400)" report_shows '^proc: CapEff:\s+0000000000003400'
  check "the inverter port has 192.168.50.1/24" report_shows '^ip: eth0 .* 192\.168\.50\.1/24'
  check "the uplink got an address by DHCP" report_shows '^ip: eth1 .* 10\.0\.2\.'
  check "solartap status answers: running" report_shows '^status: solartap: running'
  check "solartap status lists the simulated inverter: encrypted, 3 posts" report_shows "^status: +$inverter_id +00:27:02:00:00:01 .* encrypted +3 "
  check "the data partition is mounted on /var/lib/solartap" report_shows '^mount: /var/lib/solartap /dev/vda3 ext4'
  check "the data partition grew to the end of the disk (over 500 MiB)" report_shows '^mount: /var/lib/solartap /dev/vda3 ext4 ([5-9][0-9][0-9](\.[0-9])?M|[0-9.]+G) '
  check "systemd drives the hardware watchdog (RuntimeWatchdogUSec=15s)" report_shows '^watchdog: RuntimeWatchdogUSec=15s'
  check "the hardware watchdog (i6300esb) is active" report_shows "^watchdog: watchdog0 'i6300ESB timer' active"
  check "no unit failed" no_failed_units
}

main() {
  need_tools
  work=$(mktemp -d /tmp/solartap-boot-pc.XXXXXX)
  trap cleanup EXIT
  build_image
  prepare_disk
  start_network
  start_qemu
  if wait_for_boot; then
    check "DHCP: udhcpc on the inverter link gets a lease" dhcp_lease
    check "DNS: prod.solaredge.com resolves to the appliance" dns_answer
    check "an encrypted simulated inverter session is acknowledged" simulate_session
    check_guest_state
  fi
  say "times: build ${build_seconds:-n/a} s, multi-user ${multi_user_seconds:-n/a} s, supervisor ready ${ready_seconds:-n/a} s ($accel_used)"
  stop_qemu
  summary
}

main "$@"; exit
