#!/usr/bin/env bash
# Checks SolarTap's device-tree overlays (overlays/devicetree/*.dts) against the Raspberry Pi device trees of
# Debian's kernel, without a Pi: applies them with fdtoverlay to every bcm2711-*.dtb and bcm2837-*.dtb (the
# boards the pi-arm64 image is for) and reads the merged tree back with fdtget:
#   - the four LEDs of hardware/pinout.md: label, GPIO controller (by phandle), line, flags (active high), trigger;
#   - the RS485 UART: the PL011 (uart0, serial0 so /dev/ttyAMA0) on GPIO14/15 in ALT0, its Bluetooth child and
#     the mini UART (uart1) disabled;
#   - what lets solartap-config.txt go without dtparam lines: I2C1 already enabled on GPIO2/3 and the SoC
#     watchdog node enabled in the base tree.
# Ends with "overlays: N passed, N failed". Needs dtc, fdtoverlay and fdtget (package device-tree-compiler).
#   image/test/overlays.sh DTB_DIR [--dtbo DIR]   DTBs from DTB_DIR; the overlays compiled from source, or the
#                                                 .dtbo files in DIR (what an image carries)
#   image/test/overlays.sh                        DTBs from the newest cached pi-arm64 stage 2
#                                                 ($SOLARTAP_IMAGE_CACHE, default image/.cache)
# DTBs straight from the kernel package:
#   dpkg-deb --fsys-tarfile linux-image-*-arm64*.deb | tar -x -C DIR --wildcards '*/broadcom/*'
# image/test/boot-pi.sh sources this file for check_overlays.
# shellcheck shell=bash

# The LEDs from pinout.md's header table, one "label gpio trigger" line each (trigger "none" when the Device cell
# names none).
pinout_leds() {
  awk -F'|' '
    /^## / { in_header = ($0 ~ /^## Raspberry Pi 40-pin header/) }
    in_header && $2 ~ / LED / {
      gpio = $4; gsub(/ /, "", gpio)
      device = $6; label = device; sub(/.*\/sys\/class\/leds\//, "", label); sub(/`.*/, "", label)
      trigger = "none"
      if (match(device, /trigger [a-z0-9-]+/)) trigger = substr(device, RSTART + 8, RLENGTH - 8)
      print label, gpio, trigger
    }' "$repo/hardware/pinout.md"
}

# The GPIO of an RS485 signal (TXD or RXD) in pinout.md's header table.
pinout_rs485_gpio() {
  awk -F'|' -v signal="$1" '
    /^## / { in_header = ($0 ~ /^## Raspberry Pi 40-pin header/) }
    in_header && $2 ~ /RS485/ && $3 ~ ("^ *" signal " ") { gpio = $4; gsub(/ /, "", gpio); print gpio }' "$repo/hardware/pinout.md"
}

# symbol DTB LABEL: the path a label names in the tree's __symbols__.
symbol() { fdtget "$1" /__symbols__ "$2"; }

# expect WHAT ACTUAL EXPECTED: says both when they differ.
expect() {
  if [ "$2" = "$3" ]; then return 0; fi
  printf '%s: got "%s", expected "%s"\n' "$1" "$2" "$3"
  return 1
}

# apply_overlays BASE OUT DTBO...: the firmware's job, done by fdtoverlay.
apply_overlays() {
  local base=$1 out=$2
  shift 2
  fdtoverlay -i "$base" -o "$out" "$@"
}

check_leds() {
  local base=$1 merged=$2 gpio_path gpio_phandle node count=0 bad=0 label line trigger names
  gpio_path=$(symbol "$base" gpio) || { echo "no 'gpio' label in the base tree"; return 1; }
  gpio_phandle=$(fdtget -tu "$merged" "$gpio_path" phandle) || return 1
  expect "/solartap-leds compatible" "$(fdtget "$merged" /solartap-leds compatible)" gpio-leds || bad=1
  names=$(fdtget -l "$merged" /solartap-leds) || return 1
  while read -r label line trigger; do
    count=$((count + 1))
    node=""
    for n in $names; do
      if [ "$(fdtget "$merged" "/solartap-leds/$n" label)" = "$label" ]; then node="/solartap-leds/$n"; fi
    done
    if [ -z "$node" ]; then echo "no LED labelled $label"; bad=1; continue; fi
    expect "$label gpios (GPIO controller phandle, line, flags)" "$(fdtget -tu "$merged" "$node" gpios)" "$gpio_phandle $line 0" || bad=1
    expect "$label trigger" "$(fdtget "$merged" "$node" linux,default-trigger 2> /dev/null || echo none)" "$trigger" || bad=1
  done < <(pinout_leds)
  expect "LEDs in pinout.md" "$count" 4 || bad=1
  expect "LED nodes" "$(wc -w <<< "$names")" "$count" || bad=1
  return "$bad"
}

check_uart() {
  local base=$1 merged=$2 uart0 uart1 pins pins_phandle bad=0
  if ! uart0=$(symbol "$base" uart0) || ! uart1=$(symbol "$base" uart1) || ! pins=$(symbol "$base" uart0_gpio14); then
    echo "the base tree lacks a uart0, uart1 or uart0_gpio14 label"
    return 1
  fi
  pins_phandle=$(fdtget -tu "$merged" "$pins" phandle) || return 1
  expect "uart0 compatible" "$(fdtget "$merged" "$uart0" compatible)" "arm,pl011 arm,primecell" || bad=1
  expect "uart0 status" "$(fdtget "$merged" "$uart0" status)" okay || bad=1
  expect "uart0 pinctrl-0 (the phandle of uart0_gpio14)" "$(fdtget -tu "$merged" "$uart0" pinctrl-0)" "$pins_phandle" || bad=1
  expect "uart0_gpio14 pins (RS485 TXD, RXD in pinout.md)" "$(fdtget -tu "$merged" "$pins" brcm,pins)" \
    "$(pinout_rs485_gpio TXD) $(pinout_rs485_gpio RXD)" || bad=1
  expect "uart0_gpio14 function (4: ALT0, the PL011)" "$(fdtget -tu "$merged" "$pins" brcm,function)" 4 || bad=1
  expect "uart0/bluetooth status" "$(fdtget "$merged" "$uart0/bluetooth" status)" disabled || bad=1
  expect "uart1 (mini UART) status" "$(fdtget "$merged" "$uart1" status)" disabled || bad=1
  expect "serial0 alias (the PL011 driver's ttyAMA number)" "$(fdtget "$merged" /aliases serial0)" "$uart0" || bad=1
  return "$bad"
}

check_i2c1() {
  local tree=$1 i2c1 pins bad=0
  if ! i2c1=$(symbol "$tree" i2c1) || ! pins=$(symbol "$tree" i2c1_gpio2); then
    echo "no i2c1 or i2c1_gpio2 label"
    return 1
  fi
  expect "i2c1 status" "$(fdtget "$tree" "$i2c1" status)" okay || bad=1
  expect "i2c1 pinctrl-0 (the phandle of i2c1_gpio2)" "$(fdtget -tu "$tree" "$i2c1" pinctrl-0)" "$(fdtget -tu "$tree" "$pins" phandle)" || bad=1
  expect "i2c1_gpio2 pins" "$(fdtget -tu "$tree" "$pins" brcm,pins)" "2 3" || bad=1
  return "$bad"
}

check_watchdog() {
  local tree=$1 pm
  pm=$(symbol "$tree" pm) || { echo "no pm label (the power management block with the watchdog)"; return 1; }
  grep -qw 'brcm,bcm2835-pm-wdt' <<< "$(fdtget "$tree" "$pm" compatible)" || { echo "$pm is not brcm,bcm2835-pm-wdt"; return 1; }
  expect "$pm status" "$(fdtget "$tree" "$pm" status 2> /dev/null || echo 'absent (enabled)')" 'absent (enabled)'
}

# check_overlays DTB_DIR DTBO_DIR: every check above on every Pi 3/4 DTB in DTB_DIR (lib.sh counts them).
check_overlays() {
  local dtb_dir=$1 dtbo_dir=$2 dtb name merged dtbos=()
  local have=0
  for dtb in "$dtbo_dir"/*.dtbo; do [ -f "$dtb" ] && dtbos+=("$dtb"); done
  check "overlays to apply: solartap-leds.dtbo, solartap-uart.dtbo" test -f "$dtbo_dir/solartap-leds.dtbo" -a -f "$dtbo_dir/solartap-uart.dtbo"
  for dtb in "$dtb_dir"/bcm2711-*.dtb "$dtb_dir"/bcm2837-*.dtb; do
    [ -f "$dtb" ] || continue
    have=$((have + 1))
    name=$(basename "$dtb" .dtb)
    merged="$work/$name-merged.dtb"
    rm -f "$merged"
    check "$name: $(basename -a "${dtbos[@]}" | tr '\n' ' ')apply (fdtoverlay)" apply_overlays "$dtb" "$merged" "${dtbos[@]}"
    [ -f "$merged" ] || continue
    check "$name: four LEDs (labels, GPIO lines, active high, trigger) as in pinout.md" check_leds "$dtb" "$merged"
    check "$name: PL011 on GPIO14/15 (ALT0), Bluetooth and the mini UART off" check_uart "$dtb" "$merged"
    check "$name: I2C1 on GPIO2/3 already enabled (no dtparam needed)" check_i2c1 "$dtb"
    check "$name: the watchdog already enabled (no dtparam needed)" check_watchdog "$dtb"
  done
  check "Pi 3/4 DTBs found in $dtb_dir ($have)" test "$have" -gt 0
}

# Stand-alone: compile the overlays (or take --dtbo DIR) and check them on a folder of DTBs.
overlays_main() {
  test_name=overlays
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  repo=$(cd "$here/../.." && pwd)
  # shellcheck source=image/test/lib.sh
  . "$here/lib.sh"
  local dtb_dir="" dtbo_dir="" tool
  while [ $# -gt 0 ]; do
    case "$1" in
      --dtbo) [ $# -ge 2 ] || { echo "$test_name: --dtbo needs a folder" >&2; exit 2; }; dtbo_dir=$2; shift ;;
      -h|--help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
      -*) echo "usage: $0 [DTB_DIR [--dtbo DIR]]" >&2; exit 2 ;;
      *) dtb_dir=$1 ;;
    esac
    shift
  done
  for tool in dtc fdtoverlay fdtget; do
    command -v "$tool" > /dev/null || { echo "$test_name: missing $tool (apt-get install device-tree-compiler)" >&2; exit 2; }
  done
  work=$(mktemp -d /tmp/solartap-overlays.XXXXXX)
  trap 'rm -rf "$work"' EXIT
  if [ -z "$dtb_dir" ]; then
    local cache=${SOLARTAP_IMAGE_CACHE:-$repo/image/.cache} stage2="" tar
    for tar in "$cache"/rootfs-pi-arm64-*.tar; do
      if [ -f "$tar" ] && { [ -z "$stage2" ] || [ "$tar" -nt "$stage2" ]; }; then stage2=$tar; fi
    done
    [ -n "$stage2" ] || { echo "$test_name: no DTB folder given and no pi-arm64 stage 2 in $cache (image/build.sh pi-arm64 makes one)" >&2; exit 2; }
    say "DTBs from $(basename "$stage2")"
    mkdir -p "$work/stage2"
    tar -x -C "$work/stage2" -f "$stage2" --wildcards './usr/lib/linux-image-*/broadcom/*.dtb'
    dtb_dir=$(printf '%s\n' "$work"/stage2/usr/lib/linux-image-*/broadcom | sort -V | tail -1)
  fi
  [ -d "$dtb_dir" ] || { echo "$test_name: no folder $dtb_dir" >&2; exit 2; }
  if [ -z "$dtbo_dir" ]; then
    dtbo_dir="$work/dtbo"
    mkdir -p "$dtbo_dir"
    local dts
    for dts in "$repo"/overlays/devicetree/*.dts; do
      check "dtc -@ compiles $(basename "$dts")" dtc -@ -q -I dts -O dtb -o "$dtbo_dir/$(basename "$dts" .dts).dtbo" "$dts"
    done
  fi
  check_overlays "$dtb_dir" "$dtbo_dir"
  summary
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  overlays_main "$@"
  exit
fi
