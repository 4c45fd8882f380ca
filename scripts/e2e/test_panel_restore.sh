#!/usr/bin/env bash
# Closing a full panel puts back the frame it covered from curses' own copy (Terminal's kept frame)
# instead of painting it cell by cell. What the terminal then shows must be that frame: the same text
# as before the panel opened, one cell in the focus colours, and the keys after it drawn over the right
# frame (a move after the close, a jump from F3 to another form, the print preview from F4).
source "$(dirname "$0")/jixiao.sh"
cp "$EXAMPLE" "$W/d.json"
jx_start "'$W/d.json'"
jx_main
E=$'\e'
# settled — the screen as it is once it has stopped changing (the outline's counts fill in after the
# first frame).
settled() { stable screen 0.2 100; }
same() {
    local what="$1" expected="$2" now
    now="$(settled)"
    if [[ "$now" != "$expected" ]]; then
        echo "e2e: $what: the screen differs from the one before:" >&2
        diff <(printf '%s\n' "$expected") <(printf '%s\n' "$now") >&2
        exit 1
    fi
}
one_focus() {
    local n
    n="$(styled | sed -n '2,34p' | grep -o "${E}\[30m${E}\[46m" | wc -l)"
    if [[ "$n" != 2 ]]; then
        # Two runs: the outline's highlighted form and the focused cell.
        echo "e2e: $1: $n runs in the focus colours (expected the outline's form and one cell):" >&2
        styled | cat -v >&2
        exit 1
    fi
}

top="$(settled)"
before="$(status_line)"
send Down Down Down
wait_moved "$before"
down="$(settled)"
one_focus "three rows down"

send F3
wait_for "问题清单"
send F3
wait_gone "问题清单"
same "F3 opened and closed" "$down"
one_focus "after F3"

send F4
wait_for "得分预览"
send Escape
wait_gone "得分预览"
same "F4 opened and closed" "$down"
one_focus "after F4"

# From the score preview to the print preview (one panel over another), then back to the form.
send F4
wait_for "得分预览"
send p
wait_for "写出文本"
send Escape
wait_gone "写出文本"
wait_for "得分预览"
send Escape
wait_gone "得分预览"
same "F4, P and back" "$down"

# A move after a close is drawn over the frame put back.
before="$(status_line)"
send Up Up Up
wait_moved "$before"
same "three rows up again" "$top"
one_focus "back at the top"

# F3, then Enter on a problem: the form it jumps to is another frame, not the one F3 covered.
send F3
wait_for "问题清单"
send Enter
wait_gone "问题清单"
jumped="$(settled)"
if [[ "$jumped" == "$top" ]]; then echo "e2e: Enter in F3 did not jump to the problem's cell" >&2; exit 1; fi
send F3
wait_for "问题清单"
send F3
wait_gone "问题清单"
same "F3 over the form jumped to" "$jumped"
send F10
wait_exit >/dev/null
