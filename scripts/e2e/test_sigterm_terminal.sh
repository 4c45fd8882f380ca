#!/usr/bin/env bash
# Issue 5: SIGTERM while jixiao runs from an interactive shell. The typing goes to the recovery file and
# the shell gets its terminal back as it was: normal screen, cursor shown, echo and line editing on, and
# bracketed paste off (a paste reaches `cat -v` without ESC[200~ markers).
source "$(dirname "$0")/jixiao.sh"
cp "$EXAMPLE" "$W/d.json"
e2e_start "HOME='$W/home' PS1='sh$ ' sh -i"
wait_for 'sh$'
send -l "'$JX' '$W/d.json'"
send Enter
jx_main
[[ "$(e2e_tmux display-message -p -t "$(e2e_target)" '#{alternate_on}')" == 1 ]]
jx_focus "其中：公车购置 · 2022年决算数" Down
send -l 7
wait_for "编辑中"
kill -TERM "$(app_pid)"
for ((i = 0; i < 250; i++)); do
    [[ "$(e2e_tmux display-message -p -t "$(e2e_target)" '#{alternate_on}')" == 0 ]] && break
    sleep 0.02
done
[[ "$(e2e_tmux display-message -p -t "$(e2e_target)" '#{alternate_on}')" == 0 ]]
[[ "$(e2e_tmux display-message -p -t "$(e2e_target)" '#{cursor_flag}')" == 1 ]]
grep -qF '"prev": "7"' "$W/.d.json.recovery"
[[ ! -e "$W/.d.json.lock" ]]

send -l 'stty -a | tr " ;" "\n\n" | grep -xE -e "-?(echo|icanon|isig)" | tr "\n" " "; echo STTY-END'
send Enter
wait_for "STTY-END"
line="$(screen | grep -F "STTY-END" | tail -1)"
[[ "$line" == *"isig icanon echo"* || "$line" == *"icanon"*"echo"* ]]
[[ "$line" != *"-echo"* && "$line" != *"-icanon"* ]]

send -l "cat -v"
send Enter
send_paste "PASTED"
wait_for "PASTED"
! screen | grep -qF "200~"
send Enter
send C-d
send -l "exit"
send Enter
wait_exit >/dev/null
