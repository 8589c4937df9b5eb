#!/usr/bin/env bash
# Times `hybridctl validate` on synthetic specs of growing size, JVM start included, the way a user runs it.
# usage: bench/validate.sh [RUNS]     (default 5 runs per size; prints the median wall time and peak RSS)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cli="${HYBRIDCTL:-$here/hybridctl}"
"$cli" --version >/dev/null   # build once, and create the class-data-sharing archive

printf '%-22s %8s %12s %12s\n' "spec" "hosts" "median s" "peak MiB"
for size in "10 10" "100 10" "1000 10" "1000 50" "1000 100"; do
  set -- $size
  spec="$work/s-$1x$2.yaml"
  python3 "$here/bench/generate-spec.py" "$1" "$2" > "$spec"
  times=()
  peak=0
  for _ in $(seq "$runs"); do
    out="$( { /usr/bin/time -f '%e %M' "$cli" validate -f "$spec" >/dev/null; } 2>&1 | tail -n1)"
    times+=("${out% *}")
    rss="${out#* }"; [ "$rss" -gt "$peak" ] && peak="$rss"
  done
  median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
  printf '%-22s %8d %12s %12d\n' "$1 sites x $2 hosts" "$(( $1 * $2 ))" "$median" "$(( peak / 1024 ))"
done
