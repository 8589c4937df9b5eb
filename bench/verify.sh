#!/usr/bin/env bash
# Times `hybridctl verify` on synthetic specs (bench/generate-spec.py), through the ./hybridctl launcher exactly as a
# user runs it (JVM start, class-data sharing and its JVM flags included). Prints the median wall time of RUNS runs and
# the peak RSS; with VERIFY_BENCH_PHASES=1 also one run's time per phase (wall, and CPU of the thread doing it).
#   bench/verify.sh                 default sizes: 100x10 1000x10 1000x100 (sites x hosts per site)
#   bench/verify.sh 1000x10 ...     chosen sizes
#   RUNS=5 bench/verify.sh          runs per size (default 3)
# Verify exits 1 when a flow fails; the bench reports the exit code and does not treat it as an error.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-3}"
work="$(mktemp -d /tmp/hybridctl-bench-verify.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# Build (if sources changed) and create the class-data-sharing archive before timing anything.
"$here/hybridctl" --help >/dev/null
"$here/hybridctl" --help >/dev/null
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100x10 1000x10 1000x100)
printf '%-10s %8s %10s %12s %6s   %s\n' size hosts wall_s max_rss_MB exit "all runs (s)"
for size in "${sizes[@]}"; do
  sites="${size%x*}"; hosts="${size#*x}"
  mkdir -p "$work/$size"
  spec="$work/$size/spec.yaml"   # a directory of its own: no hybridctl.lock beside it
  python3 "$here/bench/generate-spec.py" "$sites" "$hosts" > "$spec"
  walls=(); rss=0; code=0
  for _ in $(seq 1 "$runs"); do
    set +e
    /usr/bin/time -o "$work/time" -f '%e %M' timeout "${VERIFY_BENCH_TIMEOUT:-900}" "$here/hybridctl" verify -f "$spec" -o json > "$work/out.json"
    code=$?
    set -e
    read -r wall r < <(tail -1 "$work/time")
    walls+=("$wall")
    [ "$r" -gt "$rss" ] && rss="$r"
  done
  median="$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
  printf '%-10s %8d %10s %12d %6d   %s\n' "$size" $((sites * hosts)) "$median" $((rss / 1024)) "$code" "${walls[*]}"
  if [ "${VERIFY_BENCH_PHASES:-0}" = 1 ]; then
    HYBRIDCTL_TIMING=1 "$here/hybridctl" verify -f "$spec" -o json 2>&1 >/dev/null | sed 's/^/    /' || true
  fi
done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
