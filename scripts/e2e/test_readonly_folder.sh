#!/usr/bin/env bash
# Issue 5: the draft's folder becomes read-only while editing (chattr +i as root, since root ignores
# permission bits; chmod otherwise). F2 says so in Chinese, the typing stays on screen and goes to the
# recovery file in the state folder instead; once the folder is writable again, F2 saves and nothing
# was lost.
source "$(dirname "$0")/jixiao.sh"
mkdir "$W/ro"
cp "$EXAMPLE" "$W/ro/d.json"
if [[ $EUID == 0 ]]; then
    command -v chattr >/dev/null || { echo "e2e: chattr is not installed (e2fsprogs)" >&2; exit 1; }
    lock_dir() { chattr +i "$W/ro"; }
    unlock_dir() { chattr -i "$W/ro"; }
else
    lock_dir() { chmod a-w "$W/ro"; }
    unlock_dir() { chmod u+w "$W/ro"; }
fi
e2e_on_exit "unlock_dir"
jx_edit_unsaved "$W/ro/d.json"

lock_dir
send F2
wait_for "目录或文件只读"
assert_screen_has "改动仍保留在程序中和恢复文件里"
screen | grep -F "其中：公车购置" | grep -qF "7.00"
fallback=("$W"/home/.local/state/jixiao/recovery/d.json-*.recovery)
[[ -f "${fallback[0]}" ]]
grep -qF '"prev": "7"' "${fallback[0]}"
cmp -s "$W/ro/d.json" "$EXAMPLE"

unlock_dir
send F2
wait_for "已保存"
send F10
[[ "$(wait_exit)" == 0 ]]
[[ "$(field "$W/ro/d.json" A.carPurchase.prev)" =~ ^7(\.00)?$ ]]
[[ ! -e "${fallback[0]}" && ! -e "$W/ro/.d.json.recovery" && ! -e "$W/ro/.d.json.lock" ]]
