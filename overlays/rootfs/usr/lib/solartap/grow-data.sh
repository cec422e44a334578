#!/bin/bash
# solartap-grow-data.service, before /var/lib/solartap is mounted: the data partition is the card's last
# partition, made small in the image; grow it and its ext4 file system to the end of the card. Does nothing once
# it reaches the end.
set -euo pipefail

log() { echo "solartap-grow-data: $*"; }

part=$(readlink -f /dev/disk/by-label/solartapdata)
name=$(basename "$part")
disk_name=$(basename "$(readlink -f "/sys/class/block/$name/..")")
disk=/dev/$disk_name
number=$(cat "/sys/class/block/$name/partition")
start=$(cat "/sys/class/block/$name/start")
size=$(cat "/sys/class/block/$name/size")
disk_size=$(cat "/sys/class/block/$disk_name/size")

# Leave room for a GPT's backup table; anything less than 16 MiB is not worth a rewrite of the table.
if [ $((disk_size - start - size)) -lt 32768 ]; then
  exit 0
fi
log "growing $part (partition $number of $disk) from $((size / 2048)) MiB to the end of the card"
if sfdisk --dump "$disk" | grep -q '^label: gpt'; then
  sfdisk --relocate gpt-bak-std "$disk"
fi
echo ", +" | sfdisk --no-reread --no-tell-kernel -q -N "$number" "$disk"
partx -u --nr "$number" "$disk"
# The kernel's new partition size makes udev re-read the device; let that settle before and after the resize, so
# the mount that follows does not see its device go away and come back.
udevadm settle --timeout=60 || true
e2fsck -f -p "$part" || [ $? -le 1 ]
resize2fs "$part"
udevadm settle --timeout=60 || true
log "done: $(( $(cat "/sys/class/block/$name/size") / 2048 )) MiB"
