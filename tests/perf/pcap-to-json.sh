#!/usr/bin/env bash
# Times the whole 'solartap pcap' process on a synthetic capture: read, reassemble, decode, JSON lines to a file.
# Usage: tests/perf/pcap-to-json.sh [MiB=512] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
mib=${1:-512}
runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release -nologo -v q tests/SolarTap.Benchmarks > /dev/null
dotnet build -c Release -nologo -v q src/SolarTap > /dev/null
dotnet tests/SolarTap.Benchmarks/bin/Release/net10.0/SolarTap.Benchmarks.dll write-capture "$work/site.pcap" "$mib"
bytes=$(stat -c %s "$work/site.pcap")
for run in $(seq "$runs"); do
  start=$(date +%s.%N)
  dotnet src/SolarTap/bin/Release/net10.0/solartap.dll pcap "$work/site.pcap" > "$work/out.jsonl"
  end=$(date +%s.%N)
  lines=$(wc -l < "$work/out.jsonl")
  awk -v b="$bytes" -v s="$start" -v e="$end" -v l="$lines" -v r="$run" \
    'BEGIN { t = e - s; printf "run %d: %.0f MB in %.2f s = %.0f MB/s, %d readings (%.0f per s)\n", r, b / 1e6, t, b / 1e6 / t, l, l / t }'
done
