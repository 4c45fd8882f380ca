#!/usr/bin/env bash
# Issue 15, item 2: the 自评报告 is a page after the forms. Open the seed 001 example, go to 自评报告
# from the outline, write prose whose head count contradicts 附件1, see the warning on the page and in
# the outline, save, and find the prose in the draft file; then $EDITOR on a section.
source "$(dirname "$0")/jixiao.sh"
cp "$EXAMPLE" "$W/d.json"
jx_start "'$W/d.json'"
jx_main
resize 120 36
# The outline's last entry is the report: no section written yet.
wait_for "0/10"
send C-l
send End
send Enter
wait_for "■ 一、单位基本情况"
# The generated sentence, from 附件1 as it stands.
assert_screen_has "〔据表〕本单位编制数15人"
assert_screen_has "Enter编辑本节"
send Enter
wait_for "多行编辑"
send -l "本单位在编人员36人，主要承担人社工作。"
wait_for "主要承担人社工作。"
send C-s
wait_gone "多行编辑"
# The figure contradicts 附件1 编制数 15: a warning at the section, and in the outline.
wait_for "! 报告写“在编人员36人”，附件1 编制数为 15 人。"
assert_screen_has "1/10 !1"
send F2
wait_for "已保存"

# $EDITOR on a section: an editor that adds a line, run from the page with Ctrl-X (made now, used below).
printf '#!/bin/sh\nprintf "\\n%%s\\n" "编辑器补充的一行。" >> "$1"\n' > "$W/editor"
chmod +x "$W/editor"
send F10
[[ "$(wait_exit)" == 0 ]]
python3 - "$W/d.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["report"] == {"basic": "本单位在编人员36人，主要承担人社工作。"}, d.get("report")
PY
"$JX" validate "$W/d.json" > "$W/validate.txt" || true
grep -qF "报告写“在编人员36人”" "$W/validate.txt"

e2e_start "cd '$W' && HOME='$W/home' VISUAL='$W/editor' '$JX' d.json"
jx_main
resize 120 36
send C-l
send End
send Enter
wait_for "■ 一、单位基本情况"
send C-x
wait_for "编辑器补充的一行。"
wait_gone "多行编辑"
send F2
wait_for "已保存"
send F10
[[ "$(wait_exit)" == 0 ]]
python3 - "$W/d.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["report"]["basic"] == "本单位在编人员36人，主要承担人社工作。\n编辑器补充的一行。", d["report"]
PY
