#!/usr/bin/env bash
# Issue 5: a second jixiao on a draft already open is told who holds it (pid, host, since when) and may
# open it read-only; it never touches the first one's lock. When the first dies without cleaning up
# (SIGKILL), its lock is recognised as stale and taken over.
source "$(dirname "$0")/jixiao.sh"
cp "$EXAMPLE" "$W/d.json"
jx_start "'$W/d.json'"
jx_main
pid1="$(app_pid)"
grep -q "\"pid\": $pid1" "$W/.d.json.lock"

second() {
    e2e_tmux new-session -d -s "$1" -x 160 -y 30 \
        "export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8; HOME='$W/home' '$JX' '$W/d.json'; echo \$? > '$W/$1.status'"
}

second two
E2E_TARGET=two:
wait_for "该草稿正在被使用"
assert_screen_has "进程 $pid1"
assert_screen_has "主机 $(hostname)"
assert_screen_has "打开于："
send r
jx_main
assert_screen_has "〔只读〕"
send -l 5
wait_for "以只读方式打开，不能修改"
send F2
wait_for "以只读方式打开，不能保存"
send F10
for ((i = 0; i < 250; i++)); do [[ -s "$W/two.status" ]] && break; sleep 0.02; done
[[ "$(cat "$W/two.status")" == 0 ]]
grep -q "\"pid\": $pid1" "$W/.d.json.lock"   # still the first one's lock
cmp -s "$W/d.json" "$EXAMPLE"

# The first one dies hard and leaves its lock behind.
kill -9 "$pid1"
for ((i = 0; i < 250; i++)); do kill -0 "$pid1" 2>/dev/null || break; sleep 0.02; done
[[ -e "$W/.d.json.lock" ]]
second three
E2E_TARGET=three:
jx_main
assert_screen_has "进程 $pid1 留下的锁已失效"
pid3="$(app_pid)"
grep -q "\"pid\": $pid3" "$W/.d.json.lock"
send F10
for ((i = 0; i < 250; i++)); do [[ -s "$W/three.status" ]] && break; sleep 0.02; done
[[ "$(cat "$W/three.status")" == 0 ]]
[[ ! -e "$W/.d.json.lock" ]]
