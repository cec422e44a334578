#!/usr/bin/env bash
# Builds the SolarTap SD-card / disk image from Debian packages, without loop mounts or device-mapper.
#
#   image/build.sh [pi-arm64|pc-amd64] [--app DIR] [--no-app] [--out DIR] [--keep-img]
#
#   pi-arm64   Raspberry Pi 3/4/400/CM4/Zero 2 W (MBR: FAT firmware partition, ext4 root, ext4 data)
#   pc-amd64   x86-64 mini PCs with two NICs, UEFI (GPT: ESP with systemd-boot, ext4 root, ext4 data)
#   --app DIR  a `dotnet publish ... -r <rid> --self-contained` folder built elsewhere (must hold `solartap`)
#   --no-app   build the image without the supervisor
#   --out DIR  where solartap-<target>.img.xz and .sha256 go (default image/out)
#   --keep-img also keep the uncompressed .img (the QEMU tests boot it)
#   --no-xz    only the uncompressed .img (quicker; the QEMU tests use it)
#   SOLARTAP_IMAGE_CACHE=DIR (default image/.cache), SOLARTAP_XZ_LEVEL=0..9 (default 6)
#
# Stages, each cached under $SOLARTAP_IMAGE_CACHE (default image/.cache):
#   1. base-trixie-<arch>.tar        debootstrap --variant=minbase (for arm64 through qemu-user-static)
#   2. rootfs-<target>-<key>.tar     every package in ONE apt step (kernel, firmware and initramfs-tools together,
#                                    so the initramfs is built once); <key> hashes the package list
#   3. the app                       dotnet publish (or --app DIR)
#   4. the image                     overlays + app + users onto a copy of stage 2, mkfs.ext4 -d, mkfs.vfat + mcopy,
#                                    sfdisk, dd into one file, xz
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
suite=trixie
mirror=${SOLARTAP_MIRROR:-http://deb.debian.org/debian}
cache=${SOLARTAP_IMAGE_CACHE:-$here/.cache}
target=pc-amd64
app_dir=""
no_app=0
out_dir="$here/out"
keep_img=0
no_xz=0
work=""
mounted=()

# Size of the data partition in the image; it grows to fill the card on first boot.
data_mib=64
boot_mib=256

say() { printf 'build.sh: %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }
step() { printf 'build.sh: [%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

usage() {
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

parse_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      pi-arm64|pc-amd64) target=$1 ;;
      --app) [ $# -ge 2 ] || die "--app needs a folder"; app_dir=$(cd "$2" && pwd); shift ;;
      --no-app) no_app=1 ;;
      --out) [ $# -ge 2 ] || die "--out needs a folder"; mkdir -p "$2"; out_dir=$(cd "$2" && pwd); shift ;;
      --keep-img) keep_img=1 ;;
      --no-xz) no_xz=1 keep_img=1 ;;
      -h|--help) usage 0 ;;
      *) say "unknown argument: $1"; usage 2 ;;
    esac
    shift
  done
}

# Per-target settings: Debian architecture, .NET runtime id, and the packages on top of the common set.
configure_target() {
  common_packages=(
    systemd systemd-sysv systemd-resolved systemd-timesyncd udev dbus kmod
    initramfs-tools iproute2 openssh-server ca-certificates wpasupplicant
    libssl3t64 zlib1g libstdc++6 libpcap0.8t64 fdisk e2fsprogs dosfstools util-linux
    # systemd-resolved 257 publishes the mDNS name (solartap.local) only when it can load libidn2: without it,
    # it falls back to the name "linux" ("Failed to escape hostname: Invalid argument" in its debug log).
    libidn2-0
  )
  case "$target" in
    pc-amd64)
      arch=amd64 rid=linux-x64 qemu_user=""
      target_packages=(linux-image-amd64 systemd-boot-efi firmware-realtek intel-microcode amd64-microcode)
      ;;
    pi-arm64)
      arch=arm64 rid=linux-arm64 qemu_user=qemu-aarch64
      target_packages=(linux-image-arm64 raspi-firmware firmware-brcm80211)
      ;;
  esac
  packages=("${common_packages[@]}" "${target_packages[@]}")
  # The rootfs cache key: the package list, the suite and this stage's recipe version.
  rootfs_key=$(printf '%s\n' "stage2-v1" "$suite" "$arch" "${packages[@]}" | sha256sum | cut -c1-12)
}

check_host() {
  [ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, device nodes in the root file system)"
  local missing=() tool
  for tool in debootstrap sfdisk mkfs.vfat mcopy mkfs.ext4 xz sha256sum chroot; do
    command -v "$tool" > /dev/null || missing+=("$tool")
  done
  [ ${#missing[@]} -eq 0 ] || die "missing tools: ${missing[*]} (apt-get install debootstrap fdisk dosfstools mtools e2fsprogs xz-utils)"
  if [ "$target" = pi-arm64 ]; then
    command -v dtc > /dev/null || die "missing tool: dtc, which compiles the Pi's device-tree overlays (apt-get install device-tree-compiler)"
  fi
  if [ -n "$qemu_user" ] && [ "$(dpkg --print-architecture)" != "$arch" ]; then
    if [ ! -e "/proc/sys/fs/binfmt_misc/$qemu_user" ]; then
      command -v update-binfmts > /dev/null && update-binfmts --enable "$qemu_user" > /dev/null 2>&1 || true
    fi
    [ -e "/proc/sys/fs/binfmt_misc/$qemu_user" ] ||
      die "$arch binaries cannot run here: install qemu-user-static and binfmt-support (binfmt_misc entry $qemu_user)"
  fi
}

cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2> /dev/null || true; done
  mounted=()
  [ -n "$work" ] && rm -rf "$work"
}

# The API file systems a chroot'ed apt and maintainer scripts need.
mount_api() {
  local root=$1
  mount -t proc proc "$root/proc" && mounted+=("$root/proc")
  mount -t sysfs sysfs "$root/sys" && mounted+=("$root/sys")
  mount --bind /dev "$root/dev" && mounted+=("$root/dev")
  mount --bind /dev/pts "$root/dev/pts" && mounted+=("$root/dev/pts")
}

umount_api() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[$i]}" || umount -l "${mounted[$i]}"; done
  mounted=()
}

# Stage 1: a minimal Debian, as a tarball.
stage_base() {
  base_tar="$cache/base-$suite-$arch.tar"
  if [ -s "$base_tar" ]; then
    say "stage 1: cached $(basename "$base_tar")"
    return
  fi
  step "stage 1: debootstrap $suite $arch (minbase; several minutes, more under emulation)"
  local dir="$work/base"
  debootstrap --variant=minbase --arch="$arch" --components=main,non-free-firmware \
    "$suite" "$dir" "$mirror" > "$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log"; die "debootstrap failed (log above)"; }
  tar -C "$dir" --numeric-owner -cf "$base_tar.tmp" . && mv "$base_tar.tmp" "$base_tar"
  rm -rf "$dir"
  step "stage 1: done"
}

# Stage 2: every package in one apt step.
stage_rootfs() {
  rootfs_tar="$cache/rootfs-$target-$rootfs_key.tar"
  if [ -s "$rootfs_tar" ]; then
    say "stage 2: cached $(basename "$rootfs_tar")"
    return
  fi
  step "stage 2: installing ${#packages[@]} packages in one apt step (kernel and initramfs included)"
  local root="$work/stage2"
  mkdir -p "$root"
  tar -C "$root" --numeric-owner -xf "$base_tar"
  cat > "$root/etc/apt/sources.list" <<EOF
deb $mirror $suite main non-free-firmware
deb $mirror $suite-updates main non-free-firmware
deb http://deb.debian.org/debian-security $suite-security main non-free-firmware
EOF
  # No daemons start inside the chroot; recommends stay out (the image stays small).
  printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d" && chmod 755 "$root/usr/sbin/policy-rc.d"
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' > "$root/etc/apt/apt.conf.d/90solartap"
  # raspi-firmware's kernel hook copies the kernel, initramfs and DTBs here.
  mkdir -p "$root/boot/firmware"
  # initramfs: every storage driver (the build host's hardware says nothing about the target's).
  mkdir -p "$root/etc/initramfs-tools/conf.d" && echo "MODULES=most" > "$root/etc/initramfs-tools/conf.d/solartap"
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
  # The initramfs is built once, after every package is in: the kernel's own hook skips it (INITRD=No) and the
  # triggers of packages configured later skip it (update_initramfs=no); then update-initramfs -c, once.
  # (Our update-initramfs.conf stands while apt runs: --force-confold keeps it against the package's.)
  mount_api "$root"
  if ! chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 INITRD=No sh -c "
    mkdir -p /etc/initramfs-tools && echo update_initramfs=no > /etc/initramfs-tools/update-initramfs.conf &&
    apt-get update -qq &&
    apt-get install -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold ${packages[*]} &&
    apt-get clean &&
    printf 'update_initramfs=yes\nbackup_initramfs=no\n' > /etc/initramfs-tools/update-initramfs.conf &&
    env -u INITRD update-initramfs -c -k all" > "$work/apt.log" 2>&1; then
    tail -30 "$work/apt.log"
    umount_api
    die "stage 2: apt-get install failed (log above)"
  fi
  umount_api
  rm -f "$root/usr/sbin/policy-rc.d"
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin
  tar -C "$root" --numeric-owner -cf "$rootfs_tar.tmp" . && mv "$rootfs_tar.tmp" "$rootfs_tar"
  rm -rf "$root"
  step "stage 2: done ($(du -h "$rootfs_tar" | cut -f1))"
}

# Stage 3: the supervisor, self-contained.
stage_app() {
  if [ "$no_app" -eq 1 ]; then
    app=""
    say "stage 3: --no-app: the image has no supervisor"
    return
  fi
  if [ -n "$app_dir" ]; then
    [ -x "$app_dir/solartap" ] || die "--app $app_dir has no executable 'solartap' (a publish folder for $rid?)"
    app=$app_dir
    say "stage 3: the app from $app_dir"
    return
  fi
  app="$cache/app-$rid"
  if [ -x "$app/solartap" ] && [ -z "$(find "$repo/src" "$repo/Directory.Build.props" "$repo/Directory.Packages.props" \
    -newer "$app/solartap" -type f ! -path '*/bin/*' ! -path '*/obj/*' -print -quit)" ]; then
    say "stage 3: cached app-$rid (nothing in src/ is newer)"
    return
  fi
  step "stage 3: dotnet publish src/SolarTap -r $rid --self-contained"
  command -v dotnet > /dev/null || die "dotnet is not on PATH; install the .NET 10 SDK or pass --app DIR"
  if dotnet publish "$repo/src/SolarTap" -c Release -r "$rid" --self-contained -o "$app.tmp" -nologo -v q \
    > "$work/publish.log" 2>&1; then
    rm -rf "$app" && mv "$app.tmp" "$app"
    step "stage 3: done ($(du -sh "$app" | cut -f1))"
    return
  fi
  rm -rf "$app.tmp"
  if grep -q 'NU1101\|NU1102\|Microsoft.NETCore.App.Runtime\|runtime pack' "$work/publish.log"; then
    say "the $rid runtime pack is not in this machine's NuGet source; publish on a machine that has it and pass --app DIR"
  else
    tail -20 "$work/publish.log"
    say "dotnet publish -r $rid failed (log above)"
  fi
  if [ "$target" = pi-arm64 ]; then
    app=""
    say "stage 3: building the $target image WITHOUT the supervisor (solartap.service will not start)"
    return
  fi
  die "cannot build $target without the app"
}

# The image's own accounts: the service user, and the device groups the udev rules hand devices to.
add_accounts() {
  local root=$1
  chroot "$root" groupadd --system --gid 900 solartap
  chroot "$root" useradd --system --uid 900 --gid solartap --home-dir /var/lib/solartap --no-create-home \
    --shell /usr/sbin/nologin --comment "SolarTap supervisor" solartap
  getent_group() { grep -q "^$1:" "$root/etc/group"; }
  getent_group gpio || chroot "$root" groupadd --system gpio
  getent_group i2c || chroot "$root" groupadd --system i2c
  chroot "$root" usermod -a -G dialout,gpio,i2c solartap
}

install_overlays() {
  local root=$1
  # Owned by root whoever checked the repository out; the existing folders' owners and modes stay as they are.
  cp -r --preserve=mode,timestamps --no-preserve=ownership "$repo/overlays/rootfs/." "$root/"
  chmod 755 "$root"/usr/lib/solartap/*.sh
  echo solartap > "$root/etc/hostname"
  printf '127.0.0.1\tlocalhost\n127.0.1.1\tsolartap\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$root/etc/hosts"
  # No baked-in identity: machine-id on first boot, SSH host keys when sshd first starts.
  : > "$root/etc/machine-id"
  rm -f "$root/var/lib/dbus/machine-id" "$root"/etc/ssh/ssh_host_*
  ln -sf /run/systemd/resolve/stub-resolv.conf "$root/etc/resolv.conf"
  mkdir -p "$root/var/lib/solartap" "$root/boot/firmware" "$root/etc/solartap/keys"
  cat > "$root/etc/fstab" <<'EOF'
# The root file system is not listed: the kernel command line says rw (default) or ro (read-only root).
LABEL=SOLARTAP      /boot/firmware    vfat  uid=0,gid=900,fmask=0137,dmask=0027,noatime,nofail  0 2
LABEL=solartapdata  /var/lib/solartap ext4  noatime,nofail  0 2
EOF
}

install_app() {
  local root=$1
  if [ -z "$app" ]; then
    rm -f "$root/etc/systemd/system/multi-user.target.wants/solartap.service"
    return
  fi
  mkdir -p "$root/opt/solartap"
  cp -a "$app/." "$root/opt/solartap/"
  chown -R root:root "$root/opt/solartap"
  ln -sf /opt/solartap/solartap "$root/usr/local/bin/solartap"
}

enable_units() {
  local root=$1 units
  units=$(grep -E '^enable ' "$root/usr/lib/systemd/system-preset/20-solartap.preset" | awk '{print $2}')
  # shellcheck disable=SC2086
  systemctl --root="$root" preset $units > /dev/null 2>&1 || true
  # shellcheck disable=SC2086
  systemctl --root="$root" enable $units > /dev/null 2>&1
  # Not on an appliance: Debian's D-Bus wpa_supplicant (solartap-wifi.service runs its own), and apt's daily
  # downloads (the image is replaced, not upgraded in place; and the root may be read-only).
  systemctl --root="$root" disable ssh.socket wpa_supplicant.service apt-daily.timer apt-daily-upgrade.timer \
    > /dev/null 2>&1 || true
  systemctl --root="$root" mask serial-getty@ttyS0.service serial-getty@ttyAMA0.service > /dev/null 2>&1 || true
}

# Stage 4a: the root file system of this image, from a copy of stage 2.
assemble_rootfs() {
  step "stage 4: assembling the root file system"
  root="$work/rootfs"
  mkdir -p "$root"
  tar -C "$root" --numeric-owner -xf "$rootfs_tar"
  add_accounts "$root"
  install_overlays "$root"
  install_app "$root"
  enable_units "$root"
  kver=$(basename "$(ls -d "$root"/lib/modules/* | sort -V | tail -1)")
  [ -f "$root/boot/vmlinuz-$kver" ] || die "no kernel in the root file system"
  [ -f "$root/boot/initrd.img-$kver" ] || die "no initramfs for $kver in the root file system"
  say "kernel $kver"
}

# Stage 4b: the FAT partition's tree (Pi firmware, or the PC's ESP), written with mtools.
assemble_boot() {
  bootdir="$work/boot"
  mkdir -p "$bootdir"
  cp "$repo"/overlays/boot/* "$bootdir/"
  local cmdline="root=PARTUUID=$root_partuuid rootfstype=ext4 rootwait rw net.ifnames=0 fsck.repair=yes"
  case "$target" in
    pi-arm64)
      cp -r "$root"/usr/lib/raspi-firmware/* "$bootdir/"
      cp "$root/usr/lib/linux-image-$kver"/broadcom/bcm2*.dtb "$bootdir/"
      [ -d "$root/usr/lib/linux-image-$kver/overlays" ] && cp -r "$root/usr/lib/linux-image-$kver/overlays" "$bootdir/"
      # SolarTap's own overlays (LEDs, RS485 UART), for the mainline trees above: Debian ships no Raspberry Pi
      # overlays for them. -@ keeps the label references for the firmware to resolve against the trees' __symbols__.
      mkdir -p "$bootdir/overlays"
      local dts
      for dts in "$repo"/overlays/devicetree/*.dts; do
        dtc -@ -q -I dts -O dtb -o "$bootdir/overlays/$(basename "$dts" .dts).dtbo" "$dts" ||
          die "dtc cannot compile $dts"
      done
      cp "$root/boot/vmlinuz-$kver" "$bootdir/vmlinuz"
      cp "$root/boot/initrd.img-$kver" "$bootdir/initrd.img"
      {
        echo "# Raspberry Pi firmware settings, written by image/build.sh. Yours go in solartap-config.txt."
        echo "arm_64bit=1"
        echo "upstream_kernel=1"
        echo "kernel=vmlinuz"
        echo "initramfs initrd.img followkernel"
        echo "disable_overscan=1"
        echo "include solartap-config.txt"
      } > "$bootdir/config.txt"
      echo "console=serial0,115200 console=tty1 $cmdline" > "$bootdir/cmdline.txt"
      ;;
    pc-amd64)
      rm -f "$bootdir/solartap-config.txt"
      mkdir -p "$bootdir/EFI/BOOT" "$bootdir/loader/entries"
      cp "$root/usr/lib/systemd/boot/efi/systemd-bootx64.efi" "$bootdir/EFI/BOOT/BOOTX64.EFI"
      cp "$root/boot/vmlinuz-$kver" "$bootdir/vmlinuz"
      cp "$root/boot/initrd.img-$kver" "$bootdir/initrd.img"
      printf 'default solartap.conf\ntimeout 0\nconsole-mode keep\n' > "$bootdir/loader/loader.conf"
      {
        echo "title   SolarTap"
        echo "linux   /vmlinuz"
        echo "initrd  /initrd.img"
        echo "options $cmdline console=tty0 console=ttyS0,115200"
      } > "$bootdir/loader/entries/solartap.conf"
      ;;
  esac
}

make_fat() {
  local file=$1 mib=$2
  rm -f "$file"
  mkfs.vfat -C -F 32 -n SOLARTAP -i "$fat_serial" "$file" $((mib * 1024)) > /dev/null
  local entry
  for entry in "$bootdir"/*; do
    MTOOLS_SKIP_CHECK=1 mcopy -s -o -i "$file" "$entry" ::/
  done
}

# Stage 4c: partition table and file systems, put together in one file.
assemble_image() {
  local disk_id fat_img root_img data_img root_mib used_mib
  root_partuuid_seed=$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
  fat_serial=$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
  used_mib=$(du -sm "$root" | cut -f1)
  root_mib=$((used_mib * 125 / 100 + 300))
  case "$target" in
    pi-arm64)
      disk_id=$root_partuuid_seed
      root_partuuid="$disk_id-02"
      ;;
    pc-amd64)
      root_partuuid=$(cat /proc/sys/kernel/random/uuid)
      ;;
  esac
  assemble_boot
  step "stage 4: file systems (root ${root_mib} MiB, boot ${boot_mib} MiB, data ${data_mib} MiB)"
  fat_img="$work/boot.fat" root_img="$work/root.ext4" data_img="$work/data.ext4"
  make_fat "$fat_img" "$boot_mib"
  rm -rf "$root/boot/firmware"/* # the FAT partition is mounted here
  mkfs.ext4 -q -L solartaproot -d "$root" "$root_img" "${root_mib}M" > /dev/null
  local empty="$work/empty" && mkdir -p "$empty"
  mkfs.ext4 -q -L solartapdata -E root_owner=900:900 -d "$empty" "$data_img" "${data_mib}M" > /dev/null

  local start1=4 start2 start3 total
  start2=$((start1 + boot_mib))
  start3=$((start2 + root_mib))
  total=$((start3 + data_mib + 1))
  img="$work/solartap-$target.img"
  truncate -s "${total}M" "$img"
  case "$target" in
    pi-arm64)
      sfdisk -q "$img" <<EOF
label: dos
label-id: 0x$disk_id
unit: sectors
start=$((start1 * 2048)), size=$((boot_mib * 2048)), type=c, bootable
start=$((start2 * 2048)), size=$((root_mib * 2048)), type=83
start=$((start3 * 2048)), size=$((data_mib * 2048)), type=83
EOF
      ;;
    pc-amd64)
      sfdisk -q "$img" <<EOF
label: gpt
unit: sectors
start=$((start1 * 2048)), size=$((boot_mib * 2048)), type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, name=SOLARTAP
start=$((start2 * 2048)), size=$((root_mib * 2048)), type=4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709, uuid=$root_partuuid, name=solartaproot
start=$((start3 * 2048)), size=$((data_mib * 2048)), type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name=solartapdata
EOF
      ;;
  esac
  dd if="$fat_img" of="$img" bs=1M seek="$start1" conv=notrunc,sparse status=none
  dd if="$root_img" of="$img" bs=1M seek="$start2" conv=notrunc,sparse status=none
  dd if="$data_img" of="$img" bs=1M seek="$start3" conv=notrunc,sparse status=none
  rm -f "$fat_img" "$root_img" "$data_img"
}

compress_image() {
  local name="solartap-$target.img"
  if [ "$no_xz" -eq 1 ]; then
    mv "$img" "$out_dir/$name"
    step "done: $out_dir/$name ($(du -h --apparent-size "$out_dir/$name" | cut -f1), not compressed: --no-xz)"
    return
  fi
  step "stage 5: xz ($(du -h --apparent-size "$img" | cut -f1) image)"
  xz -T0 "-${SOLARTAP_XZ_LEVEL:-6}" -c "$img" > "$out_dir/$name.xz.tmp"
  mv "$out_dir/$name.xz.tmp" "$out_dir/$name.xz"
  (cd "$out_dir" && sha256sum "$name.xz" > "$name.xz.sha256")
  if [ "$keep_img" -eq 1 ]; then
    mv "$img" "$out_dir/$name"
  fi
  step "done: $out_dir/$name.xz ($(du -h "$out_dir/$name.xz" | cut -f1)) and $name.xz.sha256"
}

main() {
  parse_args "$@"
  configure_target
  check_host
  mkdir -p "$cache" "$out_dir"
  work=$(mktemp -d "$cache/work.XXXXXX")
  trap cleanup EXIT
  local started=$SECONDS
  say "target $target ($arch, $rid), cache $cache"
  stage_base
  stage_rootfs
  stage_app
  assemble_rootfs
  assemble_image
  compress_image
  say "built in $((SECONDS - started)) s"
}

main "$@"; exit
