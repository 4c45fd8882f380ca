#!/usr/bin/env bash
# Each part of the screen in its own colours, as the terminal receives them (tmux capture-pane -e):
# the outline's highlighted form (focus: black on cyan), a form with warnings (yellow), the status
# line (white on blue), the key bar's words (black on white), and the focused cell after a move. The
# terminal resolves a style once for a run of cells that share it; a resolution kept too long would
# paint them all in one style.
source "$(dirname "$0")/jixiao.sh"
cp "$EXAMPLE" "$W/d.json"
jx_start "'$W/d.json'"
jx_main
E=$'\e'
expect_styled() {
    local what="$1" pattern="$2" n
    # Waited for: the outline's counts fill in after the first frame, as the checks of the forms it
    # did not show finish (issue 12, item 5); a capture right after the key bar can come before them.
    for ((n = 0; n < 250; n++)); do
        styled | grep -qE -- "$pattern" && return 0
        sleep "$E2E_POLL"
    done
    if ! styled | grep -qE -- "$pattern"; then
        echo "e2e: $what is not drawn as expected (pattern: $(printf %q "$pattern")); the screen with its escapes:" >&2
        styled | cat -v >&2
        return 1
    fi
}
expect_styled "the outline's highlighted form" "${E}\[30m${E}\[46m 附件1 "
expect_styled "a form with warnings in the outline" "${E}\[33m [0-9]+/[0-9]+ !"
expect_styled "the status line" "^${E}\[37m${E}\[44m 附件1 · "
expect_styled "the key bar" "F1${E}\[30m${E}\[47m帮助${E}\[39m${E}\[49m F2${E}\[30m${E}\[47m保存"
# The focused cell moves with an arrow: exactly one cell of the table is in the focus colours.
before="$(status_line)"
send Down
wait_moved "$before"
focused="$(styled | sed -n '3,27p' | grep -o "${E}\[30m${E}\[46m" | wc -l)"
if [[ "$focused" != 1 ]]; then
    echo "e2e: $focused runs in the focus colours in the table after ↓ (expected 1):" >&2
    styled | cat -v >&2
    exit 1
fi
send F10
wait_exit >/dev/null
