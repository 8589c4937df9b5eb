#!/usr/bin/env bash
# The size bar for hostile input: every shape of file just under the 64 MiB limit, through every entry point that
# reads YAML (validate, import eksctl, plan's hybridctl.lock), JVM start included. Prints each case's wall time and
# peak RSS, then the worst of each; the bar is < 2 s and <= 512 MiB.
# usage: bench/hostile-inputs.sh [MiB]     (default 63)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mib="${1:-63}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cli="${HYBRIDCTL:-$here/hybridctl}"
"$cli" --version >/dev/null   # build once, and create the class-data-sharing archive

python3 - "$work" "$mib" <<'PY'
import sys, os
work, mib = sys.argv[1], int(sys.argv[2])
n = mib << 20
head = "apiVersion: hybridctl.io/v1alpha1\nkind: HybridCluster\nmetadata:\n  name: x\n"
shapes = {
    "plain-scalar":   head + "  labels: {a: " + "x" * (n - 200) + "}\n",
    "double-quoted":  head + '  labels: {a: "' + "x" * (n - 200) + '"}\n',
    "single-quoted":  head + "  labels: {a: '" + "x" * (n - 200) + "'}\n",
    "block-scalar":   head + "  labels:\n    a: |\n" + ("      " + "x" * 73 + "\n") * ((n - 200) // 80),
    "one-huge-line":  head + "# " + "x" * (n - 200) + "\n",
    "flow-sequence":  head + "spec: {sites: [" + "1," * ((n - 200) // 2) + "1]}\n",
    "many-keys":      head + "  labels:\n" + "".join("    k%07d: v\n" % i for i in range((n - 200) // 15)),
    "deep-flow":      head + "spec: " + "[" * ((n - 200) // 2) + "]" * ((n - 200) // 2) + "\n",
    "emoji-scalar":   head + '  labels: {a: "' + "\U0001F600" * ((n - 200) // 4) + '"}\n',
}
for name, text in shapes.items():
    with open(os.path.join(work, name + ".yaml"), "w") as f:
        f.write(text)
PY

spec="$work/spec/cluster.yaml"
mkdir -p "$work/spec"
grep -v '^#' "$here/examples/lab-cilium-bgp.yaml" > "$spec"

printf '%-16s %-14s %8s %10s %6s\n' "shape" "entry point" "wall s" "peak MiB" "exit"
worst_s=0; worst_m=0
run() { # shape, entry, command...
  local shape="$1" entry="$2"; shift 2
  local out rc=0
  /usr/bin/time -o "$work/time" -f '%e %M' "$@" >/dev/null 2>"$work/err" || rc=$?
  out="$(tail -n1 "$work/time")"
  local s="${out% *}" m=$(( ${out#* } / 1024 ))
  printf '%-16s %-14s %8s %10d %6s\n' "$shape" "$entry" "$s" "$m" "$rc"
  worst_s="$(printf '%s\n%s\n' "$worst_s" "$s" | sort -n | tail -n1)"
  [ "$m" -gt "$worst_m" ] && worst_m="$m"
  if [ "$rc" = 3 ] || grep -q 'internal error' "$work/err"; then echo "  internal error: $(head -c 300 "$work/err")"; fi
}
for f in "$work"/*.yaml; do
  shape="$(basename "$f" .yaml)"
  run "$shape" validate "$cli" validate -f "$f"
  run "$shape" "import eksctl" "$cli" import eksctl "$f"
  cp "$f" "$work/spec/hybridctl.lock"
  run "$shape" "plan (lock)" "$cli" plan -f "$spec" -o "$work/spec/out"
  rm -f "$work/spec/hybridctl.lock"
done
echo "worst: ${worst_s} s, ${worst_m} MiB (bar: < 2 s, <= 512 MiB)"
