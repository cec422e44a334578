#!/bin/bash
# ssh.service (only when the boot partition holds authorized_keys): this appliance's own SSH host keys, made the
# first time and kept on the data partition, so they survive a read-only root and do not change at each boot.
# The image carries none (every card gets its own).
set -euo pipefail

dir=/var/lib/solartap/ssh
mkdir -p "$dir"
chmod 700 "$dir"
for type in ed25519 ecdsa rsa; do
  key=$dir/ssh_host_${type}_key
  if [ ! -s "$key" ]; then
    rm -f "$key" "$key.pub"
    ssh-keygen -q -t "$type" -N "" -C "solartap" -f "$key"
    echo "ssh-host-keys: made $key"
  fi
done
