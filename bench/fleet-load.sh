#!/usr/bin/env bash
# Load test of the fleet server: N simulated agents (virtual threads, one JVM, one keep-alive mTLS connection each)
# register with a pool token and, like the real agent, heartbeat every INTERVAL seconds from then on, against one fleet
# server on PostgreSQL on loopback. Latency is measured for DURATION seconds from the moment all N are registered.
# Reports heartbeat latency percentiles (overall and per 30 s window), errors, the server's CPU time, heap and GC
# pauses, and the CPU of the server, PostgreSQL and the generator within the measured window.
# usage: bench/fleet-load.sh [AGENTS] [DURATION_SECONDS] [INTERVAL_SECONDS]     (default 10000 300 10)
# Needs PostgreSQL with the fleet_test database (.ci/setup.d/fleet.sh creates it; run it as root).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
agents="${1:-10000}"
duration="${2:-300}"
interval="${3:-10}"
# A heartbeat costs one indexed query (writes are batched), so a few connections do; PostgreSQL on 2 cores runs no
# more than 2 backends at once anyway. FLEET_LOAD_POOL overrides.
pool_size="${FLEET_LOAD_POOL:-8}"
work="$(mktemp -d)"
server_pid=""
gen_pid=""
cleanup() {
  if [ -n "$gen_pid" ] && kill -0 "$gen_pid" 2>/dev/null; then kill $(pgrep -P "$gen_pid") "$gen_pid" 2>/dev/null || true; fi
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cd "$here"
./build -q -o -pl fleet test-compile >/dev/null
./build -q -o -pl fleet dependency:build-classpath -Dmdep.outputFile="$work/cp" -Dmdep.includeScope=test >/dev/null
cp="$here/fleet/target/classes:$here/fleet/target/test-classes:$(cat "$work/cp")"
source "$here/scripts/find-jdk.sh"
java="$HYBRIDCTL_JDK/bin/java"

schema="bench_$(date +%s)"
PGPASSWORD=fleet_test psql -q -h 127.0.0.1 -U fleet_test -d fleet_test -c "create schema $schema"
db="jdbc:postgresql://127.0.0.1:5432/fleet_test?user=fleet_test&password=fleet_test&currentSchema=$schema"

"$java" -Xms4g -Xmx4g -XX:+UseG1GC -Xlog:gc:file="$work/gc.log" -cp "$cp" io.hybridctl.fleet.server.ServerMain --data-dir "$work/server" \
  --db "$db" --heartbeat-seconds "$interval" --lease-seconds 600 --db-pool "$pool_size" > "$work/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do grep -qs "fleet server: " "$work/server.out" && break; sleep 0.5; done
# The server writes its first admin token to a 0600 file and prints only the path.
token="$(cat "$(grep "initial admin token in" "$work/server.out" | awk '{print $NF}')")"
url="$(grep "fleet server: " "$work/server.out" | awk '{print $3}')"
api() { curl -sf --max-time 60 --cacert "$work/server/agent-ca/ca.pem" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
# A cluster is imported from its spec (one site, dc-1); the agents register unassigned, so the spec's hosts do not matter.
sed -e 's/name: hybrid-lab-static/name: bench/' -e 's/- name: lab$/- name: dc-1/' examples/lab-calico-static.yaml > "$work/bench.yaml"
pool="$(python3 -c 'import json,sys; print(json.dumps({"spec": open(sys.argv[1]).read(), "specDirectory": sys.argv[2]}))' "$work/bench.yaml" "$work" \
  | api -X POST "$url/api/v1/clusters" -d @- | python3 -c 'import json,sys; print(json.load(sys.stdin)["pools"][0]["id"])')"
reg="$(api -X POST "$url/api/v1/registration-tokens" -d "{\"poolId\":\"$pool\",\"maxUses\":$agents,\"autoAssign\":false}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
hz="$(getconf CLK_TCK)"
ticks0="$(cpu_ticks)"; t0="$(date +%s.%N)"
/usr/bin/time -o "$work/gen.time" -f '%e %U %S %M' "$java" -Xmx3g -cp "$cp" io.hybridctl.fleet.LoadGenerator \
  "$url" "$work/server/agent-ca/ca.pem" "$reg" "$agents" "$interval" "$duration" > "$work/gen.out" &
gen_pid=$!
# The measured window starts when the whole fleet is registered: take the server's and PostgreSQL's CPU there too.
until grep -qs '^registered' "$work/gen.out" || ! kill -0 "$gen_pid" 2>/dev/null; do sleep 0.2; done
pg_ticks() { local t=0 p; for p in $(pgrep -x postgres); do t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done; echo "$t"; }
m_server0="$(cpu_ticks)"; m_pg0="$(pg_ticks)"; m_t0="$(date +%s.%N)"
wait "$gen_pid"
m_server1="$(cpu_ticks)"; m_pg1="$(pg_ticks)"; m_t1="$(date +%s.%N)"
cat "$work/gen.out"
ticks1="$(cpu_ticks)"; t1="$(date +%s.%N)"
heap="$(api "$url/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"\}/ {printf "%.0f", $2/1048576}')"
rss="$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$server_pid/status")"
hosts="$(api "$url/api/v1/hosts" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
read -r gwall guser gsys grss < "$work/gen.time"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $("$java" -version 2>&1 | head -1)"
printf 'server: CPU %.1f s over %.0f s wall (%.2f cores average), heap used %s MiB at the end, peak RSS %s MiB, hosts registered %s\n' \
  "$(echo "($ticks1 - $ticks0) / $hz" | bc -l)" "$(echo "$t1 - $t0" | bc -l)" "$(echo "($ticks1 - $ticks0) / $hz / ($t1 - $t0)" | bc -l)" "$heap" "$rss" "$hosts"
awk '/Pause/ { ms = $NF; sub(/ms$/, "", ms); n++; total += ms; if (ms > max) max = ms }
  END { printf "server GC: %d pauses, %.0f ms in total, longest %.1f ms\n", n, total, max }' "$work/gc.log"
printf 'measured window (%.0f s): server %.2f cores, PostgreSQL %.2f cores (all its processes)\n' "$(echo "$m_t1 - $m_t0" | bc -l)" \
  "$(echo "($m_server1 - $m_server0) / $hz / ($m_t1 - $m_t0)" | bc -l)" "$(echo "($m_pg1 - $m_pg0) / $hz / ($m_t1 - $m_t0)" | bc -l)"
printf 'load generator: CPU %.1f s, peak RSS %d MiB\n' "$(echo "$guser + $gsys" | bc -l)" "$(( grss / 1024 ))"
PGPASSWORD=fleet_test psql -q -h 127.0.0.1 -U fleet_test -d fleet_test -c "drop schema $schema cascade" >/dev/null 2>&1
