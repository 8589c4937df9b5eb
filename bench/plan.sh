#!/usr/bin/env bash
# Times `hybridctl plan` end to end (JVM start included) on synthetic specs from bench/generate-spec.py:
#   1,000 sites x 10 hosts (10,000 hosts; target <= 3 s wall) and 1,000 sites x 100 hosts (100,000 hosts; linear growth).
# Uses the already built cli/target/hybridctl.jar (build it first: ./build -q -o -pl plan install -DskipTests &&
# ./build -q -o -pl cli package -DskipTests). Prints wall/user/sys per run and the plan's own phase timings.
# The JVM runs with the launcher's flags (./hybridctl: serial GC, C1 only, class-data sharing), without its rebuild.
# usage: bench/plan.sh [RUNS] [SIZES...]   (default 3 runs; sizes "1000x10 1000x100"; quote the median wall time)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-3}"
shift || true
[ "$#" -gt 0 ] && sizes=("$@") || sizes=(1000x10 1000x100)
jar="cli/target/hybridctl.jar"
[ -f "$jar" ] || { echo "bench/plan.sh: $jar is missing; build it first (see the header of this script)" >&2; exit 2; }
java="${JAVA:-$(ls -d /usr/lib/jvm/temurin-2[1-9]*/bin/java 2>/dev/null | sort -V | tail -1)}"
java="${java:-java}"
# PLAN_BENCH_DIR picks the file system the plan is written to (e.g. /dev/shm to separate plan's own cost from the
# disk's cost of creating tens of thousands of files).
work="$(mktemp -d "${PLAN_BENCH_DIR:-/tmp}/hybridctl-bench-plan.XXXXXX")"
trap 'rm -rf "$work"' EXIT
flags=(-XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xshare:auto -Xlog:disable -Xlog:all=error:stderr
       -XX:SharedArchiveFile="$work/hybridctl.jsa" -XX:+AutoCreateSharedArchive)
"$java" "${flags[@]}" -jar "$jar" --version >/dev/null   # creates the class-data-sharing archive, as the launcher does

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $("$java" -version 2>&1 | head -1)"
for shape in "${sizes[@]}"; do
  set -- ${shape/x/ }
  spec="$work/spec-$1x$2.yaml"
  python3 bench/generate-spec.py "$1" "$2" > "$spec"
  hosts=$(( $1 * $2 ))
  for run in $(seq "$runs"); do
    rm -f "$work/hybridctl.lock"
    # a fresh lock and a new output directory each run: every host gets a new block and every file is new
    HYBRIDCTL_TIMING=1 /usr/bin/time -f "$hosts hosts run $run: %e s wall, %U s user, %S s sys, %M KB max RSS" \
      "$java" "${flags[@]}" -jar "$jar" plan -f "$spec" --out-dir "$work/out-$hosts-$run" 2>&1 >/dev/null | sed 's/^/  /'
  done
  echo "  files written per run: $(find "$work/out-$hosts-1" -type f | wc -l)"
done
