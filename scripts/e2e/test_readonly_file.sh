#!/usr/bin/env bash
# Issue 11, item 4: the draft file itself loses its write permission (chmod 0400) while it is open; the
# folder stays writable, so a rename would replace it. F2 does not: the status line says the file is
# read-only, the file keeps its content, inode and mode, and the typing stays in the program and goes
# to the recovery file. Once the permission is back, F2 saves.
source "$(dirname "$0")/jixiao.sh"
cp "$EXAMPLE" "$W/d.json"
jx_edit_unsaved "$W/d.json"

chmod 0400 "$W/d.json"
before="$(stat -c '%i %a %s %Y' "$W/d.json")"
send F2
wait_for "该文件只读"
assert_screen_has "改动仍保留在程序中和恢复文件里"
[[ "$(stat -c '%i %a %s %Y' "$W/d.json")" == "$before" ]]
cmp -s "$W/d.json" "$EXAMPLE"
grep -qF '"prev": "7"' "$W/.d.json.recovery"

chmod 0600 "$W/d.json"
send F2
wait_for "已保存"
send F10
[[ "$(wait_exit)" == 0 ]]
[[ "$(field "$W/d.json" A.carPurchase.prev)" =~ ^7(\.00)?$ ]]
[[ ! -e "$W/.d.json.recovery" && ! -e "$W/.d.json.lock" ]]
