#!/usr/bin/env bash
# Issue 4: a multi-line bracketed paste (tmux load-buffer + paste-buffer -p) into a long-text cell stays
# multi-line and submits nothing: the cell is still being edited afterwards, and the saved draft keeps
# the line breaks.
source "$(dirname "$0")/jixiao.sh"
cp "$EXAMPLE" "$W/d.json"
jx_start "'$W/d.json'"
jx_main
jx_focus "厉行节约保障措施" Down
send Enter
wait_for "多行编辑"
send C-u 2>/dev/null || true
printf '第一行：粘贴测试\n第二行：不提交\n第三行' > "$W/paste.txt"
e2e_tmux load-buffer -b jx "$W/paste.txt"
e2e_tmux paste-buffer -p -d -b jx -t "$(e2e_target)"
wait_for "第三行"
assert_screen_has "第一行：粘贴测试"
assert_screen_has "第二行：不提交"
# Still editing the same cell: the paste's line breaks neither committed it nor moved on.
assert_screen_has "多行编辑"
status_line | grep -qF "厉行节约保障措施"
send C-s
wait_gone "多行编辑"
send F2
wait_for "已保存"
send F10
[[ "$(wait_exit)" == 0 ]]
grep -qF '第一行：粘贴测试\n第二行：不提交\n第三行' "$W/d.json"
