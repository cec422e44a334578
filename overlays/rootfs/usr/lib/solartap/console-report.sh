#!/bin/bash
# solartap-console-report.service: while the boot partition holds a file named console-report, prints the
# supervisor's state to the console (the serial port on a Pi or PC) every 20 s, between marker lines, so it can
# be read without logging in (the image has no passwords). Used by image/test; handy on a bench with a USB-serial
# cable. Read-only: it shows, it changes nothing.
set -uo pipefail

report() {
  echo "SOLARTAP-REPORT-BEGIN $(date -u +%Y-%m-%dT%H:%M:%SZ) uptime=$(cut -d' ' -f1 /proc/uptime)"
  echo "system: $(systemctl is-system-running 2> /dev/null)"
  systemctl show solartap.service -p ActiveState -p SubState -p Type -p WatchdogUSec -p WatchdogTimestampMonotonic \
    -p NRestarts -p MainPID -p User -p StatusText -p ExecMainStartTimestampMonotonic 2> /dev/null | sed 's/^/unit: /'
  local pid
  pid=$(systemctl show -p MainPID --value solartap.service 2> /dev/null)
  if [ -n "$pid" ] && [ "$pid" != 0 ] && [ -r "/proc/$pid/status" ]; then
    grep -E '^(Uid|CapEff|CapAmb):' "/proc/$pid/status" | sed 's/^/proc: /'
  fi
  systemctl show -p RuntimeWatchdogUSec 2> /dev/null | sed 's/^/watchdog: /'
  local w
  for w in /sys/class/watchdog/watchdog*; do
    [ -e "$w/identity" ] && echo "watchdog: $(basename "$w") '$(cat "$w/identity")' $(cat "$w/state" 2> /dev/null)"
  done
  local dir
  for dir in / /boot/firmware /var/lib/solartap; do
    echo "mount: $(findmnt -n -o TARGET,SOURCE,FSTYPE,SIZE,OPTIONS "$dir" 2> /dev/null | head -1 | tr -s ' ')"
  done
  ip -brief address 2> /dev/null | sed 's/^/ip: /'
  local port
  for port in /sys/class/net/*/brport; do
    [ -e "$port" ] || continue
    port=${port%/brport}
    echo "bridge: ${port##*/} in $(basename "$(readlink "$port/master")")"
  done
  echo "host: $(uname -n)"
  echo "ssh: $(systemctl is-active ssh.service 2> /dev/null)"
  udevadm verify --no-style /etc/udev/rules.d/60-solartap.rules 2>&1 | sed 's/^/udev: /'
  resolvectl mdns 2> /dev/null | sed 's/^/mdns: /'
  if [ -e /run/solartap-wifi/wpa_supplicant.conf ]; then
    echo "wifi: solartap-wifi.service $(systemctl is-active solartap-wifi.service 2> /dev/null)"
    wpa_cli -p /run/wpa_supplicant -i wlan0 status 2> /dev/null | grep -E '^(wpa_state|ssid|key_mgmt)=' | sed 's/^/wifi: /'
    wpa_cli -p /run/wpa_supplicant -i wlan0 list_networks 2> /dev/null | tail -n +2 | sed 's/^/wifi: network /'
  fi
  if [ -x /opt/solartap/solartap ]; then
    # A slow machine (an emulator) may miss `solartap status`'s 5 s answer window once: ask up to three times.
    local out
    for _ in 1 2 3; do
      out=$(timeout 60 /opt/solartap/solartap status 2>&1 | head -40)
      case "$out" in *"did not answer"*) sleep 2 ;; *) break ;; esac
    done
    printf '%s\n' "$out" | sed 's/^/status: /'
  fi
  systemctl --failed --no-legend --plain 2> /dev/null | sed 's/^/failed: /'
  journalctl -b -u solartap.service -n 12 -o cat --no-pager 2> /dev/null | sed 's/^/log: /'
  journalctl -b -u systemd-resolved.service -o cat --no-pager 2> /dev/null | grep -i hostname | tail -3 | sed 's/^/resolved: /'
  echo "SOLARTAP-REPORT-END"
}

# The first report once the boot is over (running or degraded), so it does not mix with the boot's own lines.
timeout 600 systemctl is-system-running --wait > /dev/null 2>&1 || true
while [ -e /boot/firmware/console-report ]; do
  report > /dev/console 2>&1
  sleep 20
done
