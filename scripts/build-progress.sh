#!/usr/bin/env bash
# Reads Maven's batch-mode output on stdin, keeps all of it in the log file $1, and prints one line per module as
# it starts ("hybridctl: building 3/9 hybridctl-spec"), so a first run that compiles for minutes is not silent.
set -euo pipefail
log="$1"
: >"$log"
# "[INFO] Building hybridctl net: IPv4 prefixes, prefix sets and tries 0.1.0-SNAPSHOT      [2/9]"
building='^\[INFO\] Building (.+) [^ ]+ +\[([0-9]+)/([0-9]+)\]$'
while IFS= read -r line; do
  printf '%s\n' "$line" >>"$log"
  if [[ "$line" =~ $building ]]; then
    printf 'hybridctl: building %s/%s %s\n' "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}" "${BASH_REMATCH[1]}" >&2
  fi
done
