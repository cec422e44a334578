#!/bin/bash
# solartap-network.service, before systemd-networkd starts: adapts the network files to the boot partition.
#  - network.interface / network.address in solartap.yaml: the inverter port's static address follows them
#    (the supervisor's DHCP and DNS servers wait for that address).
#  - network_mode=bridge in appliance.txt: both Ethernet ports are bridged (passive capture), no static address.
#  - wifi_ssid / wifi_psk / wifi_country in appliance.txt: the Wi-Fi uplink (solartap-wifi.service).
# Everything is written under /run, so this works with a read-only root and a change takes effect on reboot.
set -euo pipefail

boot=/boot/firmware
yaml=$boot/solartap.yaml
settings=$boot/appliance.txt
netdir=/run/systemd/network
wifidir=/run/solartap-wifi

log() { echo "solartap-network: $*"; }

# One key of the network: section of solartap.yaml, block style only (the loader accepts more; anything this
# simple reader cannot see keeps the image's default, and the supervisor reports a real mismatch).
yaml_network_key() {
  [ -f "$yaml" ] || return 0
  sed -e 's/\r$//' -e '1s/^\xEF\xBB\xBF//' "$yaml" | awk -v key="$1" '
    /^[^ \t#][^:]*:/ { section = $0; sub(/:.*/, "", section); next }
    section == "network" && $0 ~ "^[ \t]+" key ":" {
      value = $0; sub("^[ \t]+" key ":[ \t]*", "", value); sub(/[ \t]+#.*$/, "", value)
      gsub(/^["\047]|["\047]$/, "", value); print value; exit
    }'
}

# One KEY=VALUE line of appliance.txt.
setting() {
  [ -f "$settings" ] || return 0
  sed -e 's/\r$//' -e '1s/^\xEF\xBB\xBF//' "$settings" | awk -F= -v key="$1" '
    $0 !~ /^[ \t]*#/ && $1 == key { sub(/^[^=]*=/, ""); print; exit }'
}

write_inverter_port() {
  local iface address
  iface=$(yaml_network_key interface)
  address=$(yaml_network_key address)
  iface=${iface:-eth0}
  address=${address:-192.168.50.1/24}
  if ! [[ $iface =~ ^[A-Za-z0-9_.-]{1,15}$ ]] || ! [[ $address =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}/[0-9]{1,2}$ ]]; then
    log "network.interface '$iface' or network.address '$address' in $yaml is not usable here; keeping eth0 192.168.50.1/24"
    return
  fi
  if [ "$iface" = eth0 ] && [ "$address" = 192.168.50.1/24 ]; then
    return
  fi
  log "inverter port $iface, $address (from $yaml)"
  sed -e "s|^Name=.*|Name=$iface|" -e "s|^Address=.*|Address=$address|" \
    /usr/lib/systemd/network/10-solartap-inverter.network > "$netdir/10-solartap-inverter.network"
}

write_bridge() {
  log "bridge mode: eth0 and eth1 bridged as br0 (DHCP on the home network)"
  ln -sf /dev/null "$netdir/10-solartap-inverter.network"
  cp /usr/lib/solartap/network/bridge/* "$netdir/"
}

write_wifi() {
  local ssid psk country
  ssid=$(setting wifi_ssid)
  psk=$(setting wifi_psk)
  country=$(setting wifi_country)
  [ -n "$ssid" ] || return 0
  if [[ $ssid == *'"'* ]] || [[ $psk == *'"'* ]]; then
    log "wifi_ssid and wifi_psk in $settings must not contain a double quote; Wi-Fi stays off"
    return
  fi
  if [ -n "$psk" ] && { [ ${#psk} -lt 8 ] || [ ${#psk} -gt 63 ]; }; then
    log "wifi_psk in $settings must have 8 to 63 characters; Wi-Fi stays off"
    return
  fi
  mkdir -p "$wifidir" && chmod 700 "$wifidir"
  (
    umask 077
    {
      echo "ctrl_interface=DIR=/run/wpa_supplicant GROUP=netdev"
      [[ $country =~ ^[A-Z]{2}$ ]] && echo "country=$country"
      echo "network={"
      echo "  ssid=\"$ssid\""
      if [ -n "$psk" ]; then echo "  psk=\"$psk\""; else echo "  key_mgmt=NONE"; fi
      echo "}"
    } > "$wifidir/wpa_supplicant.conf"
  )
  log "Wi-Fi uplink: network '$ssid'${country:+, country $country}"
}

main() {
  mkdir -p "$netdir"
  local mode
  mode=$(setting network_mode)
  case "${mode:-router}" in
    bridge) write_bridge ;;
    router) write_inverter_port ;;
    *) log "network_mode '$mode' in $settings: expected router or bridge; using router"; write_inverter_port ;;
  esac
  write_wifi
}

main "$@"
