#!/usr/bin/env bash
# aws: the apply/observe tests run against moto_server (pip moto >= 5.2) and use the AWS CLI to change state
# behind hybridctl's back. Both are preinstalled on the build machines; fail here, clearly, when they are not.
set -euo pipefail
missing=0
if ! command -v moto_server >/dev/null 2>&1; then
  echo "ci: moto_server is missing; install it with: pip install 'moto[server]>=5.2,<6'" >&2
  missing=1
fi
if ! command -v aws >/dev/null 2>&1; then
  echo "ci: the AWS CLI (aws) is missing; install it with: pip install awscli" >&2
  missing=1
fi
if [ "$missing" = 1 ]; then exit 1; fi
version="$(python3 -c 'import moto; print(moto.__version__)' 2>/dev/null || moto_server --version 2>/dev/null || echo unknown)"
echo "ci: moto $version, $(aws --version 2>&1)"
