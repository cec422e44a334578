#!/usr/bin/env bash
# Builds the pi-arm64 image (or takes --image FILE) and checks it without a Pi:
#   - the FAT partition holds what the Pi firmware needs (read with mtools): firmware, DTBs, kernel, initramfs,
#     config.txt including solartap-config.txt, cmdline.txt naming the root partition, SolarTap's files;
#   - every overlay solartap-config.txt loads is in overlays/, and applied with fdtoverlay to the Pi 3/4 DTBs
#     beside it gives the LEDs, the RS485 UART, I2C1 and the watchdog of hardware/pinout.md (image/test/overlays.sh);
#   - its kernel, initramfs and root file system boot under qemu-system-aarch64 -M virt to multi-user.target.
# (The Pi's own boot path, the firmware reading config.txt, cannot be emulated here: QEMU's raspi machines
# do not run the firmware.) Ends with "boot-pi: N passed, N failed".
#   image/test/boot-pi.sh [--image FILE.img] [--app DIR] [--keep]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
test_name=boot-pi
# shellcheck source=image/test/lib.sh
. "$here/lib.sh"
# shellcheck source=image/test/overlays.sh
. "$here/overlays.sh"

image=""
app_args=()
keep=0
boot_limit=${BOOT_LIMIT:-1800}
qemu_pid=""

while [ $# -gt 0 ]; do
  case "$1" in
    --image) image=$(readlink -f "$2"); shift ;;
    --app) app_args=(--app "$2"); shift ;;
    --keep) keep=1 ;;
    *) echo "usage: $0 [--image FILE.img] [--app DIR] [--keep]" >&2; exit 2 ;;
  esac
  shift
done

cleanup() {
  stop_qemu
  if [ "$keep" -eq 1 ]; then say "work folder kept: $work"; else rm -rf "$work"; fi
}

build_image() {
  if [ -n "$image" ]; then return; fi
  step "building the pi-arm64 image"
  local started=$SECONDS
  "$repo/image/build.sh" pi-arm64 --no-xz --out "$work/out" "${app_args[@]}"
  build_seconds=$((SECONDS - started))
  image="$work/out/solartap-pi-arm64.img"
  say "build took $build_seconds s"
}

fat() { echo "$disk@@$fat_offset"; }

fat_has() {
  MTOOLS_SKIP_CHECK=1 mdir -b -i "$(fat)" "::/$1" > /dev/null
}

fat_text() {
  MTOOLS_SKIP_CHECK=1 mtype -i "$(fat)" "::/$1"
}

check_fat() {
  disk="$work/disk.img"
  cp --sparse=always "$image" "$disk"
  fat_offset=$(partition_offset "$disk" 1)
  check "the image is MBR-partitioned (the Pi 3 firmware reads no GPT)" bash -c "sfdisk --dump '$disk' | grep -q '^label: dos'"
  check "partition 1 is FAT32 (type c) and bootable" bash -c "sfdisk --dump '$disk' | grep -E '${disk}1 .*type=c, bootable'"
  local file
  for file in bootcode.bin start4.elf fixup4.dat start.elf fixup.dat bcm2711-rpi-4-b.dtb bcm2711-rpi-400.dtb \
    bcm2837-rpi-3-b.dtb bcm2837-rpi-3-b-plus.dtb bcm2837-rpi-zero-2-w.dtb vmlinuz initrd.img config.txt cmdline.txt solartap-config.txt solartap.yaml appliance.txt \
    README.txt; do
    check "FAT: $file" fat_has "$file"
  done
  check "config.txt boots the 64-bit kernel and initramfs" bash -c "$(declare -f fat_text fat); disk='$disk' fat_offset=$fat_offset; fat_text config.txt | tr -d '\r' | grep -qx 'arm_64bit=1' && fat_text config.txt | tr -d '\r' | grep -qx 'kernel=vmlinuz' && fat_text config.txt | tr -d '\r' | grep -qx 'initramfs initrd.img followkernel'"
  check "config.txt includes solartap-config.txt" bash -c "$(declare -f fat_text fat); disk='$disk' fat_offset=$fat_offset; fat_text config.txt | tr -d '\r' | grep -qx 'include solartap-config.txt'"
  root_partuuid=$(fat_text cmdline.txt | tr -d '\r' | grep -oE 'root=PARTUUID=[0-9a-f-]+' | cut -d= -f3)
  local disk_id
  disk_id=$(sfdisk --dump "$disk" | awk '/^label-id:/ { sub(/^0x/, "", $2); print $2 }')
  check "cmdline.txt names the root partition (PARTUUID $root_partuuid)" test "$root_partuuid" = "$disk_id-02"
  # The console report, for the boot below.
  : > "$work/console-report"
  MTOOLS_SKIP_CHECK=1 mcopy -o -i "$(fat)" "$work/console-report" ::/
  # A bigger "card" than the image: the data partition (MBR) grows to its end on the first boot.
  truncate -s +512M "$disk"
}

# The overlays solartap-config.txt names, as the image carries them, on the image's own DTBs.
check_fat_overlays() {
  local name names
  mkdir -p "$work/fat-dtb" "$work/fat-overlays"
  MTOOLS_SKIP_CHECK=1 mcopy -n -i "$(fat)" "::/bcm2711-*.dtb" "::/bcm2837-*.dtb" "$work/fat-dtb/"
  names=$(fat_text solartap-config.txt | tr -d '\r' | sed -n 's/^dtoverlay=\([^,]*\).*/\1/p')
  for name in $names; do
    check "FAT: overlays/$name.dtbo (dtoverlay=$name in solartap-config.txt)" fat_has "overlays/$name.dtbo"
    MTOOLS_SKIP_CHECK=1 mcopy -n -i "$(fat)" "::/overlays/$name.dtbo" "$work/fat-overlays/" 2> /dev/null || true
  done
  check_overlays "$work/fat-dtb" "$work/fat-overlays"
}

boot_virt() {
  MTOOLS_SKIP_CHECK=1 mcopy -o -i "$(fat)" ::/vmlinuz "$work/vmlinuz"
  MTOOLS_SKIP_CHECK=1 mcopy -o -i "$(fat)" ::/initrd.img "$work/initrd.img"
  console="$work/console.log"
  : > "$console"
  step "booting the kernel and root file system under qemu-system-aarch64 -M virt (TCG)"
  boot_started=$SECONDS
  qemu-system-aarch64 -machine virt -cpu cortex-a72 -smp 2 -m 1024 \
    -kernel "$work/vmlinuz" -initrd "$work/initrd.img" \
    -append "root=PARTUUID=$root_partuuid rootfstype=ext4 rootwait rw net.ifnames=0 console=ttyAMA0" \
    -drive file="$disk",format=raw,if=none,id=sd -device virtio-blk-device,drive=sd \
    -netdev user,id=uplink -device virtio-net-device,netdev=uplink \
    -display none -serial file:"$console" -monitor none -no-reboot > "$work/qemu.log" 2>&1 &
  qemu_pid=$!
  if wait_for_console "$console" 'Reached target.*[Mm]ulti-[Uu]ser' "$boot_limit"; then
    multi_user_seconds=$((SECONDS - boot_started))
    ok "multi-user.target reached ($multi_user_seconds s after QEMU started)"
  else
    not_ok "multi-user.target reached"
    tail -40 "$console"
    return
  fi
  if wait_for_console "$console" 'SOLARTAP-REPORT-END' 900; then
    echo "--- the guest's report:"
    last_report "$console" | sed 's/^/    /'
    check "the data partition is mounted on /var/lib/solartap" report_shows '^mount: /var/lib/solartap /dev/vda3 ext4'
    check "the data partition grew to the end of the card (over 500 MiB)" report_shows '^mount: /var/lib/solartap /dev/vda3 ext4 ([5-9][0-9][0-9](\.[0-9])?M|[0-9.]+G) '
    check "the boot partition is mounted on /boot/firmware" report_shows '^mount: /boot/firmware /dev/vda1 vfat'
    check "systemd says the system is running (no failed unit)" report_shows '^system: running'
    check "solartap.service is skipped without the app, or active with it" report_shows '^unit: ActiveState=(inactive|active)'
    check "systemd drives the hardware watchdog (RuntimeWatchdogUSec set)" report_shows '^watchdog: RuntimeWatchdogUSec=15s'
  else
    not_ok "the console report appeared"
  fi
}

main() {
  [ "$(id -u)" -eq 0 ] || { echo "$test_name: needs root" >&2; exit 2; }
  command -v qemu-system-aarch64 > /dev/null || { echo "$test_name: missing qemu-system-aarch64 (apt-get install qemu-system-arm)" >&2; exit 2; }
  command -v fdtoverlay > /dev/null || { echo "$test_name: missing fdtoverlay (apt-get install device-tree-compiler)" >&2; exit 2; }
  work=$(mktemp -d /tmp/solartap-boot-pi.XXXXXX)
  trap cleanup EXIT
  build_image
  check_fat
  check_fat_overlays
  boot_virt
  say "times: build ${build_seconds:-n/a} s, multi-user ${multi_user_seconds:-n/a} s (TCG)"
  stop_qemu
  summary
}

main "$@"; exit
