#!/usr/bin/env bash
# Issue 4: a new draft from the command line. The new-draft screen asks the year and the unit's name
# (typed in Chinese), numbers typed into 附件1 update 控制率 and 三公经费 at once, F2 saves, F10 quits,
# and the values are there when the draft is opened again.
source "$(dirname "$0")/jixiao.sh"
mkdir -p "$W/dir"
f="$W/dir/new.json"

jx_start "'$f'"
wait_for "新建草稿"
wait_for "预算单位名称"
send -l "测试区财政局"
wait_for "测试区财政局"
send Enter
jx_main
assert_screen_has "测试区财政局"

jx_focus "财政供养人员 · 编制数"
send -l 15
send Enter
send -l 14
send Enter
wait_for "93.33%"                      # 控制率 = 14 / 15
jx_focus "公务接待"                  # its first column: the previous year's 决算数
send -l 2.5
wait_for "2.50"                        # 三公经费 follows while still typing
send Enter
screen | grep -F "三公经费" | grep -qF "2.50"

send F2
wait_for "已保存"
send F10
[[ "$(wait_exit)" == 0 ]]

jx_start "'$f'"
jx_main
assert_screen_has "测试区财政局"
assert_screen_has "93.33%"
screen | grep -F "三公经费" | grep -qF "2.50"
send F10
[[ "$(wait_exit)" == 0 ]]
[[ "$(field "$f" A.staff.authorized)" == 15 ]]
# Nothing left beside the draft but the draft and its backup: no lock, no recovery file.
[[ -z "$(ls -A "$W/dir" | grep -v '^new.json' || true)" ]]
