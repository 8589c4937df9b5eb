#!/usr/bin/env bash
# Times `hybridctl pki` on a synthetic fleet, JVM start included, the way an operator runs it:
# init (encrypted CA key), issue --all (one EC P-384 key + certificate per host), the same issue again (a no-op that
# inspects every host: parse, signature and key-pair checks), status, rotate outside the window, and lint of every
# node certificate.
# usage: bench/pki.sh [SITES HOSTS_PER_SITE]   (default 10 x 100 = 1000 hosts)
#        HYBRIDCTL=/path/to/hybridctl (default ./hybridctl; or HYBRIDCTL="java -jar cli/target/hybridctl.jar")
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sites="${1:-10}"
per_site="${2:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
read -r -a cli <<< "${HYBRIDCTL:-$here/hybridctl}"
"${cli[@]}" --version >/dev/null

spec="$work/spec.yaml"
python3 "$here/bench/generate-spec.py" "$sites" "$per_site" > "$spec"
printf 'bench passphrase\n' > "$work/pass"
pki=(--dir "$work/pki" --passphrase-file "$work/pass")
hosts=$(( sites * per_site ))

step() {
  local label="$1"; shift
  local out code=0
  /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$@" >/dev/null 2>"$work/stderr" || code=$?
  read -r wall user sys rss < <(tail -n1 "$work/time")
  printf '%-46s %7s s wall %7.2f s CPU %5d MiB  exit %d\n' "$label" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$(( rss / 1024 ))" "$code"
}

echo "hybridctl pki, $hosts hosts ($sites sites x $per_site), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
step "init (EC P-384 CA, encrypted key)" "${cli[@]}" pki init "${pki[@]}" --name bench
step "issue --all ($hosts new certificates)" "${cli[@]}" pki issue --all -f "$spec" "${pki[@]}"
step "issue --all again (no-op, checks every host)" "${cli[@]}" pki issue --all -f "$spec" "${pki[@]}"
step "status ($hosts hosts)" "${cli[@]}" pki status -f "$spec" --dir "$work/pki"
step "rotate --within 30d (nothing due)" "${cli[@]}" pki rotate -f "$spec" "${pki[@]}"
step "lint ($hosts node certificates)" "${cli[@]}" pki lint -f "$spec" "$work"/pki/nodes/*/server.pem
