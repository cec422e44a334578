#!/usr/bin/env bash
# Builds in Release and runs every test tier this machine can run (ARCHITECTURE §5), then the bounded fuzz run.
# Ends with one line "N passed, N failed[, N skipped]". Exit status is non-zero when anything failed.
#   FUZZ_SECONDS=60   how long the fuzz runner runs (default 60)
#   IMAGE=1           the image tier: build the pc-amd64 image and boot it under QEMU (default on with CI=true)
#   IMAGE_PI=1        with it, also build the pi-arm64 image and boot it under qemu-system-aarch64 (slow);
#                     without it, the Pi device-tree overlays are still checked when a pi-arm64 stage 2 is cached
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
fuzz_seconds=${FUZZ_SECONDS:-60}
passed=0 failed=0 skipped=0
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

say() { printf '%s\n' "$*"; }

if [ ! -d ../shared/testdata ]; then
  say "test.sh: ../shared/testdata is missing; the reference data must sit beside the checkout." >&2
  exit 2
fi

say "== build (Release)"
if ! dotnet build Appliance.sln -c Release -nologo -v q -clp:ErrorsOnly > "$log_dir/build.log" 2>&1; then
  cat "$log_dir/build.log"
  say "build failed"
  say "0 passed, 1 failed"
  exit 1
fi

# Runs one test project; adds its counts from the VSTest summary line.
run_tests() {
  local project=$1 name
  name=$(basename "$project")
  say "== $name"
  # Console logger at normal verbosity: a failing test is named with its message and stack (quiet shows only counts).
  dotnet test "$project" -c Release --no-build -nologo -v q --logger "console;verbosity=normal" > "$log_dir/$name.log" 2>&1
  local code=$?
  grep -E -A12 '^\s+Failed ' "$log_dir/$name.log" | grep -vE '^\s+Passed ' | head -80
  # The logger's closing lines: "Total tests: N", then "     Passed: N", "     Failed: N", "    Skipped: N" as they apply.
  count() { grep -E "^ *$1: [0-9]+\$" "$log_dir/$name.log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
  if ! grep -qE '^Total tests: [0-9]+' "$log_dir/$name.log"; then
    tail -30 "$log_dir/$name.log"
    say "$name: no test summary (exit $code)"
    failed=$((failed + 1))
    return
  fi
  local p f s
  p=$(count Passed); f=$(count Failed); s=$(count Skipped)
  say "$name: $p passed, $f failed, $s skipped"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  if [ "$code" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); fi
}

# Unit and integration tiers: every tests/*.Tests project except the system tier.
for project in tests/*.Tests; do
  case "$project" in
    *System.Tests) continue ;;
  esac
  run_tests "$project"
done

# System tier: real peers (namespaces, DHCP clients, brokers) need root and Debian packages.
if [ -d tests/SolarTap.System.Tests ]; then
  if [ "$(id -u)" -eq 0 ]; then
    run_tests tests/SolarTap.System.Tests
  else
    say "== SolarTap.System.Tests SKIPPED: needs root for network namespaces"
    skipped=$((skipped + 1))
    if [ "${CI:-}" = "true" ]; then failed=$((failed + 1)); fi
  fi
fi

# Image tier (ARCHITECTURE §5): image/test/boot-pc.sh builds the pc-amd64 image and boots it under QEMU with a
# simulated inverter on its inverter port; IMAGE_PI=1 adds image/test/boot-pi.sh (pi-arm64, much slower).
image_tier() {
  local script=$1 name
  name=$(basename "$script" .sh)
  "$script" > "$log_dir/$name.log" 2>&1
  local code=$?
  grep -E '^  (ok|FAIL) |: times: |took' "$log_dir/$name.log"
  local summary
  summary=$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed" "$log_dir/$name.log" | tail -1)
  if [ -z "$summary" ]; then
    tail -30 "$log_dir/$name.log"
    say "$name: no summary (exit $code)"
    failed=$((failed + 1))
    return
  fi
  say "$summary"
  passed=$((passed + $(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$summary")))
  failed=$((failed + $(sed -E 's/.*passed, ([0-9]+) failed.*/\1/' <<<"$summary")))
  if [ "$code" -ne 0 ] && ! grep -qE ', [1-9][0-9]* failed' <<<"$summary"; then failed=$((failed + 1)); fi
}

# On by default in CI (about 10 minutes from a clean clone, docs/PERFORMANCE.md); elsewhere IMAGE=1 turns it on.
say "== image"
image_default=0
if [ "${CI:-}" = "true" ]; then image_default=1; fi
if [ "${IMAGE:-$image_default}" != 1 ]; then
  say "image tier SKIPPED: off outside CI; IMAGE=1 ./test.sh builds and boots the pc-amd64 image under QEMU (as root)"
  skipped=$((skipped + 1))
elif [ "$(id -u)" -ne 0 ]; then
  say "image tier SKIPPED: needs root (debootstrap, network namespace, tap device)"
  skipped=$((skipped + 1))
  if [ "${CI:-}" = "true" ]; then failed=$((failed + 1)); fi
else
  image_tier image/test/boot-pc.sh
  if [ "${IMAGE_PI:-0}" = 1 ]; then
    image_tier image/test/boot-pi.sh
  elif compgen -G "${SOLARTAP_IMAGE_CACHE:-image/.cache}/rootfs-pi-arm64-*.tar" > /dev/null && command -v fdtoverlay > /dev/null; then
    # The Pi overlays on the DTBs of a cached pi-arm64 stage 2 (seconds); boot-pi.sh runs the same checks.
    image_tier image/test/overlays.sh
  else
    say "overlays check not run: no cached pi-arm64 stage 2 (image/build.sh pi-arm64 makes one; IMAGE_PI=1 runs it)"
  fi
fi

# Fuzz tier: every decoder, seeded from the reference data, for a bounded time.
if [ -d tests/SolarTap.Fuzz ]; then
  say "== fuzz ($fuzz_seconds s)"
  fuzz_out="$log_dir/fuzz.log"
  dotnet run --project tests/SolarTap.Fuzz -c Release --no-build -- --seconds "$fuzz_seconds" 2>&1 | tee "$fuzz_out" | tail -40
  fuzz_summary=$(grep -E '^fuzz: [0-9]+ targets passed, [0-9]+ failed' "$fuzz_out" | tail -1)
  if [ -z "$fuzz_summary" ]; then
    say "fuzz runner ended without a summary"
    failed=$((failed + 1))
  else
    passed=$((passed + $(sed -E 's/fuzz: ([0-9]+) targets.*/\1/' <<<"$fuzz_summary")))
    failed=$((failed + $(sed -E 's/.*passed, ([0-9]+) failed.*/\1/' <<<"$fuzz_summary")))
  fi
fi

if [ "$skipped" -gt 0 ]; then
  say "$passed passed, $failed failed, $skipped skipped"
else
  say "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
