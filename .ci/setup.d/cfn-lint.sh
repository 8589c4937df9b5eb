#!/usr/bin/env bash
# plan's consumer-behaviour suite lints every CloudFormation template with cfn-lint (pip, preinstalled on the CI
# machines; not a Debian package). Fail here, clearly, rather than in the middle of the test run.
set -euo pipefail
if ! command -v cfn-lint >/dev/null 2>&1; then
  echo "ci: cfn-lint is missing; plan's consumer tests need it: pip install 'cfn-lint>=1.51'" >&2
  exit 1
fi
echo "ci: $(cfn-lint --version)"
