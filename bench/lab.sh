#!/usr/bin/env bash
# Times `hybridctl lab run` (up, every flow of verify's catalogue probed and compared, down) on synthetic specs from
# bench/generate-spec.py: 2 sites x 5 hosts (target <= 30 s wall) and 2 sites x 25 hosts (50 hosts). Cilium BGP,
# so every node runs gobgpd and every site router runs FRR. Prints wall/user/sys, the `up` step timings, BGP
# convergence, the probe time and the number of flows.
# Needs root (network namespaces) and the lab's Debian packages (see .ci/apt-packages); uses the already built
# cli/target/hybridctl.jar (build it first: ./build -q -o -pl lab install -DskipTests &&
# ./build -q -o -pl cli package -DskipTests).
# usage: sudo bench/lab.sh [RUNS]   (default 1 run per size)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-1}"
jar="cli/target/hybridctl.jar"
[ -f "$jar" ] || { echo "bench/lab.sh: $jar is missing; build it first (see the header of this script)" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "bench/lab.sh: the lab needs root (network namespaces)" >&2; exit 2; }
java="${JAVA:-$(ls -d /usr/lib/jvm/temurin-2[1-9]*/bin/java 2>/dev/null | sort -V | tail -1)}"
java="${java:-java}"
work="$(mktemp -d /tmp/hybridctl-bench-lab.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# A private copy: the shared tree's jar may be rebuilt while a long run still loads classes from it.
cp "$jar" "$work/hybridctl.jar"
jar="$work/hybridctl.jar"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $("$java" -version 2>&1 | head -1)"
for shape in "2 5" "2 25"; do
  set -- $shape
  spec="$work/spec-$1x$2.yaml"
  python3 bench/generate-spec.py "$1" "$2" > "$spec"
  for run in $(seq "$runs"); do
    echo "$(( $1 * $2 )) hosts ($1 sites x $2), run $run:"
    /usr/bin/time -f "  %e s wall, %U s user, %S s sys, %M KB max RSS (the CLI JVM only)" \
      "$java" -jar "$jar" lab run -f "$spec" --name "bench$1x$2" --force > "$work/out.txt" 2> "$work/time.txt" || true
    grep -E '^  (ok|FAIL) +[a-zA-Z].* s$' "$work/out.txt" | sed 's/^/  /'  || true
    grep -E '^  (FAIL) ' "$work/out.txt" | head -5 | sed 's/^/  /' || true
    grep -E 'BGP converged|flows probed|lab run took' "$work/out.txt" | sed 's/^/  /' || true
    cat "$work/time.txt"
  done
done
