#!/usr/bin/env bash
# fleet: start the Debian PostgreSQL cluster and create the test database the fleet tests use
# (jdbc:postgresql://127.0.0.1:5432/fleet_test, user fleet_test). Idempotent; runs as root in CI, also locally.
set -euo pipefail
version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main"' | grep -q .; then
  pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
  if runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p 5432; then break; fi
  sleep 1
done
psql_su() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA -h /var/run/postgresql "$@"; }
if [ "$(psql_su -c "select 1 from pg_roles where rolname = 'fleet_test'")" != "1" ]; then
  psql_su -c "create role fleet_test login password 'fleet_test'"
fi
if [ "$(psql_su -c "select 1 from pg_database where datname = 'fleet_test'")" != "1" ]; then
  psql_su -c "create database fleet_test owner fleet_test"
fi
# The load test opens one connection pool per server; the default 100 connections is plenty for tests.
echo "fleet: PostgreSQL $version ready (database fleet_test)"
