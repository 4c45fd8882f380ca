#!/usr/bin/env bash
# Issue 5: the draft is changed on disk behind the program's back (by a program that takes no lock,
# replacing the file as editors do). F2 does not overwrite it silently: it asks. "S" saves as a new file
# and goes on with that; "O" overwrites and keeps the other version as NAME.bak.
# Issue 11: `jixiao set` itself refuses a draft the terminal UI has open, naming the process.
source "$(dirname "$0")/jixiao.sh"
cp "$EXAMPLE" "$W/d.json"

# elsewhere PATH=VALUE — another program changes d.json: a changed copy renamed over it.
elsewhere() {
    cp "$W/d.json" "$W/other.json"
    "$JX" set "$W/other.json" "$@" >/dev/null
    mv "$W/other.json" "$W/d.json"
}
jx_start "'$W/d.json'"
jx_main
jx_focus "其中：公车购置 · 2022年决算数" Down
send -l 7
send Enter
wait_for "7.00"
rc=0
out="$("$JX" set "$W/d.json" A.staff.authorized=99 2>&1)" || rc=$?
[[ $rc == 2 ]] && grep -qF "进程 $(app_pid)" <<<"$out" || { echo "set while the UI has the draft open: exit $rc: $out" >&2; exit 1; }
cmp -s "$W/d.json" "$EXAMPLE"
elsewhere A.staff.authorized=99
send F2
wait_for "文件已被其他程序改动"
assert_screen_has "d.saved-"
send s
jx_main
wait_for "已另存为"
send F10
[[ "$(wait_exit)" == 0 ]]
mine=("$W"/d.saved-*.json)
[[ "$(field "${mine[0]}" A.carPurchase.prev)" =~ ^7(\.00)?$ ]]
[[ "$(field "$W/d.json" A.staff.authorized)" == 99 && -z "$(field "$W/d.json" A.carPurchase.prev)" ]]
[[ ! -e "$W/.d.json.lock" && ! -e "$W/.d.json.recovery" ]]

# Again, choosing to overwrite.
jx_start "'$W/d.json'"
jx_main
jx_focus "其中：公车购置 · 2022年决算数" Down
send -l 6
send Enter
wait_for "6.00"
elsewhere A.staff.authorized=98
send F2
wait_for "文件已被其他程序改动"
send Escape                            # not now: nothing is written, and F2 asks again
wait_for "为免覆盖未保存"
send F2
wait_for "文件已被其他程序改动"
send o
jx_main
wait_for "被替换的版本保留为"
send F10
[[ "$(wait_exit)" == 0 ]]
[[ "$(field "$W/d.json" A.carPurchase.prev)" =~ ^6(\.00)?$ ]]
[[ "$(field "$W/d.json.bak" A.staff.authorized)" == 98 ]]
