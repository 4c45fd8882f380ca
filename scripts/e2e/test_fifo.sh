#!/usr/bin/env bash
# Issue 11, item 14: only regular files are opened as drafts or locks, and never in a way that blocks. A
# FIFO given as a draft (validate, set, the terminal UI) is refused with a message; a FIFO planted as
# the lock file does not stop the terminal UI from opening the draft, nor one in the folder its start
# screen lists. Every command runs under
# `timeout`, so a regression fails here instead of hanging the run.
source "$(dirname "$0")/jixiao.sh"
cp "$EXAMPLE" "$W/a.json"
mkfifo "$W/fifo.json"

rc=0
out="$(timeout 10 "$JX" validate "$W/a.json" "$W/fifo.json" 2>&1)" || rc=$?
[[ $rc != 124 ]] || { echo "validate hangs on a FIFO" >&2; exit 1; }
[[ $rc == 2 ]] || { echo "validate exit $rc, expected 2 (a file could not be read)" >&2; printf '%s\n' "$out" >&2; exit 1; }
grep -qF "$W/a.json：" <<<"$out"                     # the regular draft is still checked
grep -F "$W/fifo.json" <<<"$out" | grep -qF "不是普通文件"

rc=0
out="$(timeout 10 "$JX" set "$W/fifo.json" A.staff.actual=1 2>&1)" || rc=$?
[[ $rc == 2 ]] || { echo "set on a FIFO: exit $rc, expected 2" >&2; printf '%s\n' "$out" >&2; exit 1; }
grep -qF "不是普通文件" <<<"$out"
[[ -p "$W/fifo.json" ]]

# The terminal UI given a FIFO as the draft says why and exits.
jx_start "'$W/fifo.json'"
[[ "$(wait_exit 10)" == 2 ]]
screen | grep -qF "不是普通文件"

# The start screen (no file given) lists the drafts of the folder: a FIFO named *.json there is skipped.
mkdir "$W/start"
cp "$EXAMPLE" "$W/start/mine.json"
mkfifo "$W/start/pipe.json"
e2e_start "cd '$W/start' && HOME='$W/home' '$JX'"
wait_for "mine.json" 10
! screen | grep -qF "pipe.json"
send F10
[[ "$(wait_exit 10)" == 0 ]]

# A FIFO where the lock should be: the draft opens (without a lock, and says so), edits and saves.
mkfifo "$W/.a.json.lock"
jx_start "'$W/a.json'"
jx_main 10
wait_for "锁文件"
# The draft opens on its first cell still to fill; the cell wanted is above it.
jx_top
jx_focus "其中：公车购置 · 2022年决算数" Down
send -l 7
send Enter
send F2
wait_for "已保存"
send F10
[[ "$(wait_exit 10)" == 0 ]]
[[ -p "$W/.a.json.lock" ]]                           # not ours: left where it was
[[ "$(field "$W/a.json" A.carPurchase.prev)" =~ ^7(\.00)?$ ]]
echo "fifo: validate, set and the terminal UI refuse a FIFO draft; a FIFO lock blocks nothing"
