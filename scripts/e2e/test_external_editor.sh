#!/usr/bin/env bash
# Issue 13, defect 1: F3 while editing a long text runs a real interactive editor (vi, the fallback
# when $EDITOR and $VISUAL are unset) on the terminal. It must appear, take keys, and its text must
# come back into the cell; an editor that fails leaves the cell as it was and says so.
source "$(dirname "$0")/jixiao.sh"
command -v vi >/dev/null || { echo "e2e: vi is not installed (.ci/run installs it)" >&2; exit 1; }
cp "$EXAMPLE" "$W/d.json"
# No vimrc of the tester's, no swap file beside the draft.
export_env="HOME='$W/home' VISUAL= EDITOR= EXINIT='set noswapfile nocompatible'"

e2e_start "cd '$W' && $export_env '$JX' d.json"
jx_main
jx_focus "厉行节约保障措施"
send Enter
wait_for "外部编辑器"                     # the key bar of the multi-line editor
send F3
# vi shows the cell's text and its own status line; the program's screen is gone.
wait_for '"/' 10
wait_gone "F2保存"
send Escape
send -l "ggOvi写的第一行"
send Escape
send -l ":wq"
send Enter
jx_main
wait_for "vi写的第一行"
# Nothing the terminal answered to vi (a cursor report like ^[[3;1R) got into the cell.
if screen | grep -qE '\[[0-9]+;[0-9]+R'; then echo "e2e: a cursor report leaked into the text" >&2; screen >&2; exit 1; fi
send F2
send C-s
wait_for "已保存"
send F10
[[ "$(wait_exit)" == 0 ]]
field "$W/d.json" A.measures.value | grep -qF "vi写的第一行"
# The rest of the old text is still there, under the new first line.
[[ "$("$JX" fields "$W/d.json" | awk -F'\t' '$1 == "A.measures.value"' | wc -l)" -ge 1 ]]

# An editor that fails: the text stays, and the status line says so.
before="$(field "$W/d.json" A.measures.value)"
printf '#!/bin/sh\necho garbage > "$1"\nexit 3\n' > "$W/bad-editor"
chmod +x "$W/bad-editor"
e2e_start "cd '$W' && HOME='$W/home' VISUAL='$W/bad-editor' '$JX' d.json"
jx_main
jx_focus "厉行节约保障措施"
send Enter
wait_for "外部编辑器"
send F3
wait_for "外部编辑器没有正常结束"
assert_screen_has "vi写的第一行"
if screen | grep -qF garbage; then echo "e2e: the failed editor's text replaced the cell" >&2; screen >&2; exit 1; fi
send Escape
send F10
wait_exit >/dev/null
[[ "$(field "$W/d.json" A.measures.value)" == "$before" ]]
