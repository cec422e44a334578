# Shared by the image tests (sourced): checks that count, a serial console that is read, FAT edits with mtools.
# shellcheck shell=bash

passed=0
failed=0

say() { printf '%s: %s\n' "$test_name" "$*"; }
step() { printf '%s: [%s] %s\n' "$test_name" "$(date +%H:%M:%S)" "$*"; }

ok() { passed=$((passed + 1)); printf '  ok   %s\n' "$*"; }
not_ok() { failed=$((failed + 1)); printf '  FAIL %s\n' "$*"; }

# check "description" command...: the command's exit status decides.
check() {
  local what=$1
  shift
  if "$@" > "$work/check.out" 2>&1; then ok "$what"; else not_ok "$what"; sed 's/^/       /' "$work/check.out" | tail -15; fi
}

summary() {
  printf '%s: %d passed, %d failed\n' "$test_name" "$passed" "$failed"
  [ "$failed" -eq 0 ]
}

# wait_until SECONDS COMMAND...: runs COMMAND every 2 s until it succeeds (true) or SECONDS have passed (false).
wait_until() {
  local limit=$1 waited=0
  shift
  until "$@" > /dev/null 2>&1; do
    [ "$waited" -lt "$limit" ] || return 1
    sleep 2
    waited=$((waited + 2))
  done
}

# The last report shows `solartap status` answering (under TCG it may miss its 5 s window now and then).
status_answered() {
  report_shows '^status: solartap: ' > /dev/null && ! report_shows 'did not answer' > /dev/null
}

# Prints the guest's last report, indented, for the test's log.
show_last_report() {
  echo "--- the guest's last report:"
  last_report "$console" | sed 's/^/    /'
}

# wait_for_console FILE PATTERN SECONDS: true once the console log matches PATTERN (extended regex).
wait_for_console() {
  local file=$1 pattern=$2 limit=$3 waited=0
  while [ "$waited" -lt "$limit" ]; do
    if grep -qaE "$pattern" "$file" 2> /dev/null; then return 0; fi
    if [ -n "${qemu_pid:-}" ] && ! kill -0 "$qemu_pid" 2> /dev/null; then
      say "QEMU ended before '$pattern' appeared"
      return 1
    fi
    sleep 2
    waited=$((waited + 2))
  done
  say "no '$pattern' on the console within $limit s"
  return 1
}

# The last complete state report the guest printed (solartap-console-report.service).
last_report() {
  tr -d '\r' < "$1" | awk '/SOLARTAP-REPORT-BEGIN/ { buf = ""; on = 1 } on { buf = buf $0 "\n" } /SOLARTAP-REPORT-END/ { last = buf; on = 0 } END { printf "%s", last }'
}

# report_shows PATTERN: the last report has a line matching PATTERN (extended regex).
report_shows() {
  last_report "$console" | grep -E "$1"
}

# The byte offset of partition N of an image (sfdisk's dump, 512-byte sectors).
partition_offset() {
  local img=$1 n=$2
  sfdisk --dump "$img" | awk -v dev="${img}${n}" '$1 == dev { for (i = 1; i <= NF; i++) if ($i == "start=") { gsub(/,/, "", $(i + 1)); print $(i + 1) * 512 } }'
}

# KVM only when asked for (SOLARTAP_QEMU_KVM=1): where /dev/kvm is nested it may exist and still fail (seen here:
# "KVM internal error. Suberror: 1" in OVMF, and "failed to set MSR 0x10a" with -cpu host). Else TCG.
kvm_usable() {
  [ "${SOLARTAP_QEMU_KVM:-0}" = 1 ] && [ -w /dev/kvm ] && [ "$(uname -m)" = x86_64 ]
}

# Stops the QEMU this test started (by its pid).
stop_qemu() {
  if [ -n "${qemu_pid:-}" ] && kill -0 "$qemu_pid" 2> /dev/null; then
    kill "$qemu_pid" 2> /dev/null || true
    local i
    for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$qemu_pid" 2> /dev/null || break; sleep 1; done
    kill -9 "$qemu_pid" 2> /dev/null || true
  fi
  qemu_pid=""
}
