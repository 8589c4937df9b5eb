#!/usr/bin/env bash
# Times `hybridctl verify` on synthetic specs (bench/generate-spec.py) and prints wall time and peak RSS.
#   bench/verify.sh                 default sizes: 100x10 1000x10 1000x100 (sites x hosts per site)
#   bench/verify.sh 1000x10 ...     chosen sizes
# Needs netmodel, verify (and the rest) installed and cli compiled:
#   ./build -q -o -pl netmodel,verify install -DskipTests && ./build -q -o -pl cli compile
# It runs io.hybridctl.cli.Main on the module classpath rather than cli/target/hybridctl.jar: re-running
# `package` without `clean` re-shades the already shaded jar and keeps stale dependency classes.
# Verify exits 1 when a flow fails; the bench reports the exit code and does not treat it as an error.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/scripts/find-jdk.sh"
java="$HYBRIDCTL_JDK/bin/java"
[ -d "$here/cli/target/classes/io/hybridctl/cli" ] || { echo "build the CLI first (see the header of $0)" >&2; exit 2; }
work="$(mktemp -d /tmp/hybridctl-bench-verify.XXXXXX)"
trap 'rm -rf "$work"' EXIT
"$here/build" -o -q -pl cli dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$(cat "$work/cp.txt"):$here/cli/target/classes"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100x10 1000x10 1000x100)
printf '%-10s %8s %10s %12s %6s\n' size hosts wall_s max_rss_MB exit
for size in "${sizes[@]}"; do
  sites="${size%x*}"; hosts="${size#*x}"
  spec="$work/spec-$size.yaml"
  python3 "$here/bench/generate-spec.py" "$sites" "$hosts" > "$spec"
  set +e
  /usr/bin/time -o "$work/time" -f '%e %M' timeout "${VERIFY_BENCH_TIMEOUT:-900}" "$java" -cp "$cp" io.hybridctl.cli.Main verify -f "$spec" -o json > "$work/out.json"
  code=$?
  set -e
  read -r wall rss < <(tail -1 "$work/time")
  printf '%-10s %8d %10s %12d %6d\n' "$size" $((sites * hosts)) "$wall" $((rss / 1024)) "$code"
done
