#!/usr/bin/env bash
# Issue 12: a frame reaches the terminal in one write. ncurses 6.4 flushed its output after every
# cursor movement until the screen had once come back from endwin, so an arrow key went out in 5
# writes and the score preview in 40, each one waking the terminal. Counted with strace: the writes to
# the terminal for an arrow, for opening and for closing F4.
source "$(dirname "$0")/jixiao.sh"
if ! command -v strace >/dev/null; then echo "SKIP one_write_per_frame: strace is not installed"; exit 0; fi
if ! strace -qq -o /dev/null true 2>/dev/null; then echo "SKIP one_write_per_frame: strace cannot trace here (ptrace refused)"; exit 0; fi
cp "$EXAMPLE" "$W/d.json"
T="$W/trace"
e2e_start "HOME='$W/home' strace -qq -e trace=write -e signal=none -o '$T' '$JX' '$W/d.json'"
jx_main

# writes — how many writes to the terminal (fd 1) the trace holds so far.
writes() { grep -c '^write(1,' "$T" || true; }
# settled — wait until no write has come for 300 ms (checks and score cards finish after the first frame).
settled() { stable writes 0.3 200 >/dev/null; }
# frame NAME KEY TEXT — press KEY, wait for TEXT, and check the writes its frame took: one, plus one
# more whenever ncurses's buffer (a screen's worth: (2 + rows) × (6 + cols) bytes) fills, plus one
# for showing or hiding the cursor (curs_set writes at once).
frame() {
    local name="$1" key="$2" text="$3" before after n bytes allowed
    settled
    before="$(writes)"
    send "$key"
    wait_for "$text"
    settled
    after="$(writes)"
    n=$((after - before))
    bytes=$(( $(grep '^write(1,' "$T" | tail -n "$n" | sed -n 's/.*= \([0-9]*\)$/\1/p' | paste -sd+) ))
    allowed=$((2 + bytes / ((2 + 30) * (6 + 100))))
    echo "$name: $n writes, $bytes bytes (at most $allowed)"
    if (( n < 1 || n > allowed )); then
        echo "e2e: $name took $n writes to the terminal for $bytes bytes (at most $allowed):" >&2
        grep '^write(1,' "$T" | tail -n "$n" | cut -c1-100 >&2
        return 1
    fi
}

# The keypad's application mode (smkx, `\33[?1h\33=` here) is on before the first frame: ncurses left
# it off after its start-up round trip through endwin until the first key was read, after the frame
# and the work that follows it, so an arrow pressed while the draft opened came in the other mode.
smkx_line="$(grep -n '^write(1, "\\33\[?1h\\33="' "$T" | head -n 1 | cut -d: -f1)"
frame_line="$(grep -n '^write(1,.* = [0-9]\{4,\}$' "$T" | head -n 1 | cut -d: -f1)"
echo "keypad mode: write $smkx_line of the trace, first frame: write $frame_line"
if [[ -z "$smkx_line" || -z "$frame_line" ]] || (( smkx_line > frame_line )); then
    echo "e2e: the keypad's application mode was not sent before the first frame:" >&2
    grep '^write(1,' "$T" | head -n 12 | cut -c1-100 >&2
    exit 1
fi

frame "↓" Down "2022年决算数"
frame "F4 open" F4 "得分预览"
frame "F4 close" F4 "F1帮助"
send F10
wait_exit >/dev/null
