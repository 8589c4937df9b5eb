#!/usr/bin/env bash
# A scripted user session against the real command line (run by ShellSessionTest with the test classpath):
# stdin specs, --out-dir, the old -o DIR with its warning, unknown commands with --help, version, completion in
# bash and zsh, and the launcher's build progress. Each step says what it expected when it fails.
set -uo pipefail
: "${HYBRIDCTL_JAVA:?}" "${HYBRIDCTL_CP:?}" "${HYBRIDCTL_REPO:?}" "${WORK:?}"
hybridctl() { "$HYBRIDCTL_JAVA" -cp "$HYBRIDCTL_CP" io.hybridctl.cli.Main "$@"; }
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_exit() { # expected actual what
  [ "$1" = "$2" ] || fail "$3: exit $2, expected $1"
}
spec="$HYBRIDCTL_REPO/examples/two-site-ira.yaml"
cd "$WORK" || exit 99
cp "$spec" cluster.yaml
cp "$HYBRIDCTL_REPO/examples/two-site-ira-ca.pem" . 2>/dev/null

# -f - reads the spec from stdin, for validate, plan and verify alike.
out=$(hybridctl validate -f - <cluster.yaml); code=$?
expect_exit 0 "$code" "validate -f - <cluster.yaml"
grep -q "0 error(s)" <<<"$out" || fail "validate -f - printed: $out"
out=$(printf 'apiVersion: hybridctl.io/v1alpha1\nkind: HybridCluster\nmetadata: {name: x}\nspec:\n  bogus: 1\n' | hybridctl validate -f -); code=$?
expect_exit 1 "$code" "validate -f - with an error"
grep -q "^<stdin>:5:3: error\[SPEC003\]" <<<"$out" || fail "stdin diagnostics name <stdin>: $out"
out=$(hybridctl verify -f - -o json <cluster.yaml); code=$?
[ "$code" = 0 ] || [ "$code" = 1 ] || fail "verify -f -: exit $code"
grep -q '"flows"' <<<"$out" || fail "verify -f - -o json printed no flows"

# plan --out-dir (and -d) writes without a warning; the old -o DIR still works, with a warning on stderr.
hybridctl plan -f cluster.yaml --out-dir out-new >/dev/null 2>err.txt; code=$?
expect_exit 0 "$code" "plan --out-dir"
[ -f out-new/topology.svg ] || fail "plan --out-dir wrote no out-new/topology.svg"
grep -q deprecated err.txt && fail "plan --out-dir warned: $(cat err.txt)"
hybridctl plan -f - -d out-stdin <cluster.yaml >/dev/null 2>&1; expect_exit 0 "$?" "plan -f - -d DIR"
[ -f out-stdin/README.md ] || fail "plan -f - -d wrote nothing"
hybridctl plan -f cluster.yaml -o out-old >/dev/null 2>err.txt; code=$?
expect_exit 0 "$code" "plan -o DIR (old form)"
grep -q "deprecated.*--out-dir" err.txt || fail "plan -o DIR gave no deprecation warning: $(cat err.txt)"
[ -f out-old/topology.svg ] || fail "plan -o DIR wrote nothing"
hybridctl plan -f cluster.yaml >/dev/null 2>err.txt; expect_exit 2 "$?" "plan without a directory"

# Unknown commands are a usage error, with --help too, at the top and below.
hybridctl no-such-command --help >out.txt 2>err.txt; expect_exit 2 "$?" "no-such-command --help"
grep -q "unknown command 'no-such-command'" err.txt || fail "no-such-command --help said: $(cat err.txt out.txt)"
[ -s out.txt ] && fail "no-such-command --help printed help on stdout"
hybridctl pki no-such --help >/dev/null 2>err.txt; expect_exit 2 "$?" "pki no-such --help"
hybridctl valdate -f cluster.yaml >/dev/null 2>err.txt; expect_exit 2 "$?" "a misspelt command"
grep -q "validate" err.txt || fail "a misspelt command got no suggestion: $(cat err.txt)"
hybridctl validate --help >/dev/null 2>&1; expect_exit 0 "$?" "validate --help"

# version, as a command and as a flag.
out=$(hybridctl version); expect_exit 0 "$?" "version"
grep -Eq '^hybridctl [0-9]' <<<"$out" || fail "version printed: $out"
[ "$out" = "$(hybridctl --version)" ] || fail "version and --version differ"

# Completion: bash completes commands and options after sourcing the script; zsh loads the same through bashcompinit.
hybridctl completion bash >completion.bash; expect_exit 0 "$?" "completion bash"
hybridctl completion zsh >completion.zsh; expect_exit 0 "$?" "completion zsh"
words=$(bash -c 'source ./completion.bash; COMP_WORDS=(hybridctl val); COMP_CWORD=1; COMP_LINE="hybridctl val"; COMP_POINT=${#COMP_LINE};
  _complete_hybridctl hybridctl val hybridctl; echo "${COMPREPLY[*]}"')
[ "$words" = "validate" ] || fail "bash completion of 'hybridctl val' gave '$words'"
words=$(bash -c 'source ./completion.bash; COMP_WORDS=(hybridctl plan --out); COMP_CWORD=2; COMP_LINE="hybridctl plan --out"; COMP_POINT=${#COMP_LINE};
  _complete_hybridctl hybridctl --out plan; echo "${COMPREPLY[*]}"')
[ "$words" = "--out-dir" ] || fail "bash completion of 'hybridctl plan --out' gave '$words'"
if command -v zsh >/dev/null; then
  registered=$(HOME="$WORK" zsh -f -c 'source ./completion.zsh >/dev/null 2>&1; print -r -- "${_comps[hybridctl]}"')
  grep -q "_complete_hybridctl" <<<"$registered" || fail "zsh did not register the completion: '$registered'"
else
  fail "zsh is not installed (it is in .ci/apt-packages)"
fi

# The launcher's progress filter: one line per module from Maven's output, everything kept in the log.
progress=$(printf '[INFO] Scanning for projects...\n[INFO] Building hybridctl net: IPv4 prefixes 0.1.0-SNAPSHOT        [1/2]\n[INFO] compiling\n[INFO] Building hybridctl cli: the command line 0.1.0-SNAPSHOT     [2/2]\n' \
  | "$HYBRIDCTL_REPO/scripts/build-progress.sh" build.log 2>&1 >/dev/null)
[ "$progress" = $'hybridctl: building 1/2 hybridctl net: IPv4 prefixes\nhybridctl: building 2/2 hybridctl cli: the command line' ] || fail "build progress printed: $progress"
[ "$(wc -l <build.log)" = 4 ] || fail "the build log lost lines"

echo "$failures failure(s)"
[ "$failures" = 0 ]
