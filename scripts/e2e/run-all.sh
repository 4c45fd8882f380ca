#!/usr/bin/env bash
# Runs every end-to-end scenario (scripts/e2e/test_*.sh) against a jixiao binary, each in its own
# private tmux server and temporary folder. Prints PASS/FAIL per scenario (with the failing scenario's
# output) and ends with "e2e: N passed, M failed"; exits non-zero when any failed.
#
#   scripts/e2e/run-all.sh [path/to/jixiao]        # default: .build/debug/jixiao
#   scripts/e2e/run-all.sh .build/debug/jixiao sighup   # only scenarios whose name contains "sighup"
set -uo pipefail
cd "$(dirname "$0")/../.."
bin="${1:-$PWD/.build/debug/jixiao}"
only="${2:-}"
[[ "$bin" == /* ]] || bin="$PWD/$bin"
if [[ ! -x "$bin" ]]; then
    echo "e2e: no jixiao binary at $bin (build first)" >&2
    echo "e2e: 0 passed, 1 failed"
    exit 1
fi
export JIXIAO="$bin"
pass=0
fail=0
started=$EPOCHREALTIME
for t in scripts/e2e/test_*.sh; do
    name="$(basename "$t" .sh)"
    name="${name#test_}"
    [[ -n "$only" && "$name" != *"$only"* ]] && continue
    t0=$EPOCHREALTIME
    # A scenario that hangs is a failure, not a stuck run.
    if out="$(timeout 120 bash "$t" 2>&1)"; then
        # A scenario whose tools are missing says so on its first line (SKIP …) and passes.
        if [[ "$out" == SKIP* ]]; then echo "${out%%$'\n'*}"; else echo "PASS $name"; fi
        pass=$((pass + 1))
    else
        echo "FAIL $name"
        printf '%s\n' "$out" | sed 's/^/    /'
        fail=$((fail + 1))
    fi
    printf '    (%.1f s)\n' "$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')"
done
printf 'e2e: total %.1f s\n' "$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')"
echo "e2e: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
