#!/usr/bin/env bash
# Issue 5: the whole tmux server killed under the program (as when a terminal emulator or ssh session
# dies). Reopening offers the typing; "K" (keep both) writes it as NAME.recovered-….json and opens that,
# leaving the original draft as it was on disk. A second opening of the original finds nothing to offer.
source "$(dirname "$0")/jixiao.sh"
cp "$EXAMPLE" "$W/d.json"
jx_start "'$W/d.json'"
jx_main
jx_focus "财政供养人员 · 编制数" Up
send -l 16
send Enter
wait_for "93.75%"
pid="$(app_pid)"
e2e_tmux kill-server
for ((i = 0; i < 250; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.02; done
! kill -0 "$pid" 2>/dev/null
[[ -f "$W/.d.json.recovery" && ! -e "$W/.d.json.lock" ]]

jx_start "'$W/d.json'"
wait_for "发现未保存的改动"
assert_screen_has "财政供养人员 · 编制数：15 → 16"
send k
jx_main
wait_for "已把恢复的内容另存为"
assert_screen_has "d.recovered-"
send F10
[[ "$(wait_exit)" == 0 ]]
kept=("$W"/d.recovered-*.json)
[[ ${#kept[@]} == 1 && -f "${kept[0]}" ]]
[[ "$(field "${kept[0]}" A.staff.authorized)" == 16 ]]
cmp -s "$W/d.json" "$EXAMPLE"
[[ ! -e "$W/.d.json.recovery" ]]

jx_start "'$W/d.json'"
jx_main
! screen | grep -qF "发现未保存的改动"
send F10
[[ "$(wait_exit)" == 0 ]]
