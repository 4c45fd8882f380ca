#!/usr/bin/env bash
# Issue 5: a fatal signal (a crash: SIGSEGV) while typing. The crash handler writes the recovery file it
# was handed (system calls only), gives the shell its terminal back and removes the lock; reopening
# offers the typing.
source "$(dirname "$0")/jixiao.sh"
cp "$EXAMPLE" "$W/d.json"
e2e_start "HOME='$W/home' PS1='sh$ ' sh -i"
wait_for 'sh$'
send -l "'$JX' '$W/d.json'; echo EXIT-\$?"
send Enter
jx_main
jx_focus "其中：公车购置 · 2022年决算数" Down
send -l 7
wait_for "编辑中"
kill -SEGV "$(app_pid)"
wait_for "EXIT-139"
assert_screen_has "jixiao 意外出错退出"
[[ "$(e2e_tmux display-message -p -t "$(e2e_target)" '#{alternate_on}')" == 0 ]]
grep -qF '"prev": "7"' "$W/.d.json.recovery"
[[ "$(stat -c %a "$W/.d.json.recovery")" == 600 ]]
[[ ! -e "$W/.d.json.lock" ]]
send -l "exit"
send Enter
wait_exit >/dev/null

jx_start "'$W/d.json'"
wait_for "发现未保存的改动"
assert_screen_has "（空） → 7.00"
send q
[[ "$(wait_exit)" == 0 ]]
[[ -f "$W/.d.json.recovery" ]]          # "decide later" leaves it
