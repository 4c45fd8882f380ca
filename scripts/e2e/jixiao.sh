#!/usr/bin/env bash
# Helpers shared by the jixiao scenarios (test_*.sh): where the binary and the seed 001 example are,
# a private work folder, and moving the focus to a named cell. Source it instead of lib.sh.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set -euo pipefail

JX="${JIXIAO:?set JIXIAO to the jixiao binary (scripts/e2e/run-all.sh does)}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
EXAMPLE="$REPO/examples/hunan-unit-2023.json"
e2e_tmpdir
W="$E2E_WORK"
# HOME inside the work folder: a recovery file that falls back to ~/.local/state lands here, not in
# the tester's home.
mkdir -p "$W/home"

# jx_start ARGS... — run jixiao with ARGS in a fresh private tmux (100×30).
jx_start() {
    e2e_start "HOME='$W/home' '$JX' $*"
}

# jx_main — wait for the form screen.
jx_main() { wait_for "F1帮助" "${1:-$E2E_TIMEOUT}"; }

# styled — the pane with its colours and attributes, as escape sequences (tmux capture-pane -e).
styled() { e2e_tmux capture-pane -e -p -t "$(e2e_target)"; }

# status_line — the line under the table naming the focused cell.
# (Several lines: a long message above the key bar can push the focused cell's name up.)
status_line() { screen | tail -6 | head -5; }

# wait_moved BEFORE — wait until the status line is no longer BEFORE (what `status_line` printed before a
# key that moves the focus); fail, printing the screen, if it stays.
wait_moved() {
    local n
    for ((n = 0; n < 100; n++)); do [[ "$(status_line)" != "$1" ]] && return 0; sleep "$E2E_POLL"; done
    echo "e2e: the focus did not move" >&2
    screen >&2
    return 1
}

# jx_top — press Up until the focus stops moving (the first line of the form).
jx_top() {
    local i n before
    for ((i = 0; i < 200; i++)); do
        before="$(status_line)"
        send Up
        for ((n = 0; n < 25; n++)); do
            [[ "$(status_line)" != "$before" ]] && break
            sleep "$E2E_POLL"
        done
        [[ "$(status_line)" == "$before" ]] && return 0
    done
}

# jx_focus TEXT [KEY] [MAX] — press KEY (Tab) until the focused cell's name contains TEXT. Fails when a
# key no longer moves the focus (the end of the form) or after MAX keys.
jx_focus() {
    local text="$1" key="${2:-Tab}" max="${3:-120}" i n before
    # The focus may already be there once a redraw (after a start or a resize) has finished.
    for ((n = 0; n < 50; n++)); do
        status_line | grep -qF -- "$text" && return 0
        sleep "$E2E_POLL"
    done
    for ((i = 0; i < max; i++)); do
        before="$(status_line)"
        send "$key"
        for ((n = 0; n < 150; n++)); do
            [[ "$(status_line)" != "$before" ]] && break
            sleep "$E2E_POLL"
        done
        status_line | grep -qF -- "$text" && return 0
        if [[ "$(status_line)" == "$before" ]]; then
            echo "e2e: $key no longer moves the focus, and '$text' was not reached; screen:" >&2
            screen >&2
            return 1
        fi
    done
    echo "e2e: could not move the focus to '$text'; screen:" >&2
    screen >&2
    return 1
}

# jx_edit_unsaved DRAFT — open DRAFT in a window wide enough for long status messages and type 7 into
# 其中：公车购置 · 2022年决算数 (A.carPurchase.prev), unsaved: the typing a failed save must not lose.
jx_edit_unsaved() {
    jx_start "'$1'"
    jx_main
    resize 220 30
    jx_focus "其中：公车购置 · 2022年决算数" Down
    send -l 7
    send Enter
    wait_for "7.00"
}

# field FILE PATH — the stored value of one cell, as `jixiao fields` prints it.
field() {
    "$JX" fields "$1" | awk -F'\t' -v p="$2" '$1 == p { print $4 }'
}
