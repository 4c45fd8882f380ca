#!/usr/bin/env bash
# Issue 4: resizing. At 80×24 the form still works; smaller shows "终端窗口太小" (and typing does not
# reach the draft); larger again brings the form back and typing goes on where it was.
source "$(dirname "$0")/jixiao.sh"
cp "$EXAMPLE" "$W/d.json"
jx_start "'$W/d.json'"
jx_main

resize 80 24
wait_for "F1帮助"
jx_focus "财政供养人员 · 编制数" Up
send -l 16
send Enter
wait_for "93.75%"                      # 控制率 = 实际 15 / 编制 16, at 80 columns

resize 60 20
wait_for "终端窗口太小"
assert_screen_has "60 列 × 20 行"
send -l 9                              # ignored while the form is not shown
resize 100 30
wait_gone "终端窗口太小"
jx_main
assert_screen_has "93.75%"
send F2
wait_for "已保存"
send F10
[[ "$(wait_exit)" == 0 ]]
[[ "$(field "$W/d.json" A.staff.authorized)" == 16 ]]
