#!/usr/bin/env bash
# Issue 5: typing, then SIGHUP (the terminal window closed). The program writes the recovery file
# (owner-only, beside the draft) — including a cell still being edited — removes its lock and leaves the
# draft untouched; reopening shows what was kept, and "R" restores it, ready to save.
source "$(dirname "$0")/jixiao.sh"
cp "$EXAMPLE" "$W/d.json"
jx_start "'$W/d.json'"
jx_main
jx_focus "其中：公车购置 · 2022年决算数" Down
send -l 7
send Down                               # commits, one row down
wait_for "公车运行维护 · 2022年决算数"
send Up
jx_focus "其中：公车购置 · 2023年预算数" Right
send -l 8                               # still being edited when the terminal goes away
wait_for "编辑中"
pid="$(app_pid)"
kill -HUP "$pid"
[[ "$(wait_exit)" == 129 ]]

[[ -f "$W/.d.json.recovery" ]]
[[ "$(stat -c %a "$W/.d.json.recovery")" == 600 ]]
[[ ! -e "$W/.d.json.lock" ]]
cmp -s "$W/d.json" "$EXAMPLE"           # the draft itself was not touched

jx_start "'$W/d.json'"
wait_for "发现未保存的改动"
assert_screen_has "有 2 处不同"
assert_screen_has "其中：公车购置 · 2022年决算数：（空） → 7.00"
assert_screen_has "其中：公车购置 · 2023年预算数：（空） → 8.00"
assert_screen_has "进程 $pid"
send r
jx_main
wait_for "已恢复 2 处"
screen | grep -F "其中：公车购置" | grep -qE "7\.00 +8\.00"
send F2
wait_for "已保存"
send F10
[[ "$(wait_exit)" == 0 ]]
[[ "$(field "$W/d.json" A.carPurchase.prev)" =~ ^7(\.00)?$ ]]
[[ "$(field "$W/d.json" A.carPurchase.budget)" =~ ^8(\.00)?$ ]]
[[ ! -e "$W/.d.json.recovery" && ! -e "$W/.d.json.lock" ]]
