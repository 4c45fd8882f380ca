#!/usr/bin/env bash
# End-to-end test helpers: run a terminal program inside a private tmux server, type into it and read
# the screen. Source this file from a test script:
#
#   source scripts/e2e/lib.sh
#   e2e_start "./.build/debug/jixiao new --template basic"   # 100×30 by default
#   wait_for "基本信息表"
#   send "预算单位" Enter
#   wait_for "预算单位"                # on timeout it prints the screen and fails
#   send_paste $'第一行\n第二行'
#   resize 80 24
#   send C-s
#
# Each test gets its own server socket, so tests never see a user's tmux or each other. Everything is
# polled (capture-pane every 20 ms) instead of slept, and the server is killed and its socket removed
# when the script exits, however it exits. Works with TERM unset in the caller's environment.

set -o pipefail

E2E_SOCK=""
E2E_DIR=""
# Folders and commands that outlive one e2e_start (a scenario that reopens the program several times):
# removed / run when the script exits. See e2e_tmpdir and e2e_on_exit.
E2E_KEEP_DIRS=()
E2E_EXIT_HOOKS=()
E2E_POLL=0.02
E2E_TIMEOUT="${E2E_TIMEOUT:-5}"

# e2e_tmux ARGS... — tmux on this test's private server, with no user configuration.
e2e_tmux() {
    tmux -S "$E2E_SOCK" -f /dev/null "$@"
}

# e2e_cleanup — kill the server and remove its socket; installed as the EXIT trap by e2e_start.
e2e_cleanup() {
    if [[ -n "$E2E_SOCK" ]]; then
        tmux -S "$E2E_SOCK" kill-server 2>/dev/null || true
        rm -f "$E2E_SOCK"
    fi
    [[ -n "$E2E_DIR" ]] && rm -rf "$E2E_DIR"
    E2E_SOCK=""
    E2E_DIR=""
}

# stable CMD INTERVAL TRIES — run CMD every INTERVAL seconds until two runs in a row print the same,
# and print that; fail (saying so) after TRIES runs. For what fills in after a frame: the screen, a
# count of writes.
stable() {
    local cmd="$1" interval="$2" tries="$3" a b i
    a="$($cmd)"
    for ((i = 0; i < tries; i++)); do
        sleep "$interval"
        b="$($cmd)"
        [[ "$a" == "$b" ]] && { printf '%s\n' "$b"; return 0; }
        a="$b"
    done
    echo "e2e: $cmd kept changing" >&2
    return 1
}

# e2e_start CMD [COLS] [ROWS] — start CMD in a detached session of a new private server.
# The command runs with TERM set (tmux-256color if the terminfo entry exists, else xterm-256color) and a
# UTF-8 locale, whatever the caller has, so CJK output behaves as on a user's terminal.
e2e_start() {
    local cmd="$1" cols="${2:-100}" rows="${3:-30}" term=xterm-256color
    command -v tmux >/dev/null || { echo "e2e: tmux is not installed" >&2; return 1; }
    e2e_cleanup
    E2E_DIR="$(mktemp -d "${TMPDIR:-/tmp}/e2e.XXXXXX")"
    E2E_SOCK="$E2E_DIR/tmux.sock"
    trap _e2e_exit EXIT
    if infocmp tmux-256color >/dev/null 2>&1; then term=tmux-256color; fi
    # The options ride in the same command as new-session so they apply before the program can exit:
    # no status line (the pane is the whole COLS×ROWS), and the pane stays after the program exits so
    # its last screen can be read, without tmux's "Pane is dead" line (which can scroll the program's
    # last words off the screen); the command records its exit status for wait_exit.
    # -u: UTF-8 whatever the caller's locale says.
    LANG=C.UTF-8 LC_ALL=C.UTF-8 tmux -u -S "$E2E_SOCK" -f /dev/null \
        new-session -d -s e2e -x "$cols" -y "$rows" "export TERM=$term LANG=C.UTF-8 LC_ALL=C.UTF-8; $cmd; echo \$? > '$E2E_DIR/status'" \; \
        set-option -g status off \; \
        set-option -g remain-on-exit on \; \
        set-option -g remain-on-exit-format ''
}

# send KEYS... — tmux key names or text (send "预算" Enter; send C-s; send -l "literal text").
send() {
    e2e_tmux send-keys -t "$(e2e_target)" "$@"
}

# send_paste TEXT — deliver TEXT as one bracketed paste (if the program enabled it), as a terminal
# would: line breaks arrive as CR.
send_paste() {
    e2e_tmux set-buffer -b e2e -- "$1" && e2e_tmux paste-buffer -p -d -b e2e -t "$(e2e_target)"
}

# screen — print the pane as text, one line per row.
screen() {
    e2e_tmux capture-pane -p -t "$(e2e_target)"
}

# wait_for TEXT [TIMEOUT_S] — wait until TEXT (a fixed string) is on screen; on timeout print the
# screen to stderr and fail.
wait_for() {
    _e2e_wait present "$1" "${2:-$E2E_TIMEOUT}"
}

# wait_gone TEXT [TIMEOUT_S] — wait until TEXT is no longer on screen.
wait_gone() {
    _e2e_wait absent "$1" "${2:-$E2E_TIMEOUT}"
}

# wait_exit [TIMEOUT_S] — wait until the program exits; prints its exit status.
wait_exit() {
    local timeout="${1:-$E2E_TIMEOUT}" deadline
    deadline=$(_e2e_deadline "$timeout")
    # The session command writes the status file itself: tmux's #{pane_dead_status} is sometimes never
    # filled in (tmux 3.3a). Waiting for the pane to be dead too means tmux has read all the output, so
    # `screen` afterwards shows the program's last words.
    until [[ -s "$E2E_DIR/status" ]] &&
        [[ "$(e2e_tmux display-message -p -t "$(e2e_target)" '#{pane_dead}' 2>/dev/null)" == 1 ]]; do
        _e2e_past "$deadline" && { echo "e2e: program still running after ${timeout}s" >&2; screen >&2; return 1; }
        sleep "$E2E_POLL"
    done
    cat "$E2E_DIR/status"
}

# resize COLS ROWS — change the pane size; the program receives SIGWINCH / KEY_RESIZE.
resize() {
    e2e_tmux resize-window -t "$(e2e_target)" -x "$1" -y "$2"
}

# cursor — print the cursor position as "ROW COL" (zero-based), to check where an input method would open.
cursor() {
    e2e_tmux display-message -p -t "$(e2e_target)" '#{cursor_y} #{cursor_x}'
}

# assert_screen_has TEXT — fail (printing the screen) unless TEXT is on screen now.
assert_screen_has() {
    if ! screen | grep -qF -- "$1"; then
        echo "e2e: expected on screen: $1" >&2
        screen >&2
        return 1
    fi
}

# The window keys go to and the screen is read from; set E2E_TARGET to drive a second session
# (e2e_tmux new-session -d -s two ...; E2E_TARGET=two:).
e2e_target() { echo "${E2E_TARGET:-e2e:}"; }

# e2e_tmpdir — make a temporary folder that stays until the script exits (e2e_start's own folder is
# replaced at every start) and put its path in E2E_WORK. Not `$(e2e_tmpdir)`: a subshell could not
# register the folder for removal.
e2e_tmpdir() {
    E2E_WORK="$(mktemp -d "${TMPDIR:-/tmp}/e2e-work.XXXXXX")" || return 1
    E2E_KEEP_DIRS+=("$E2E_WORK")
    trap _e2e_exit EXIT
}

# e2e_on_exit CMD — run CMD (with eval) when the script exits, before the folders are removed; for
# undoing what a test did to the system (chattr -i).
e2e_on_exit() {
    E2E_EXIT_HOOKS+=("$1")
    trap _e2e_exit EXIT
}

# app_pid — the pid of the program running in the pane: the innermost descendant of the pane's shell
# (so it also finds a program started from an interactive shell in the pane).
app_pid() {
    local pid child
    pid="$(e2e_tmux display-message -p -t "$(e2e_target)" '#{pane_pid}')" || return 1
    while child="$(pgrep -P "$pid" | head -1)" && [[ -n "$child" ]]; do pid="$child"; done
    echo "$pid"
}

_e2e_exit() {
    local hook d
    e2e_cleanup
    for hook in "${E2E_EXIT_HOOKS[@]}"; do eval "$hook" 2>/dev/null || true; done
    for d in "${E2E_KEEP_DIRS[@]}"; do rm -rf "$d"; done
    E2E_EXIT_HOOKS=()
    E2E_KEEP_DIRS=()
}

_e2e_wait() {
    local mode="$1" text="$2" timeout="$3" deadline
    deadline=$(_e2e_deadline "$timeout")
    while :; do
        if screen | grep -qF -- "$text"; then
            [[ "$mode" == present ]] && return 0
        else
            [[ "$mode" == absent ]] && return 0
        fi
        if _e2e_past "$deadline"; then
            echo "e2e: timed out after ${timeout}s waiting for '$text' to be $mode; screen:" >&2
            screen >&2
            return 1
        fi
        sleep "$E2E_POLL"
    done
}

# Deadlines in milliseconds since the epoch; TIMEOUT may be fractional ("0.5").
_e2e_now_ms() { local t="${EPOCHREALTIME/[.,]/}"; echo $(( t / 1000 )); }
_e2e_deadline() { echo $(( $(_e2e_now_ms) + $(awk -v s="$1" 'BEGIN { printf "%d", s * 1000 }') )); }
_e2e_past() { (( $(_e2e_now_ms) >= $1 )); }
