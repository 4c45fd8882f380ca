#!/usr/bin/env bash
# Issue 16: on the start screen, N on a draft found in the folder makes next year's draft from it
# (「以上年草稿为底稿新建」) and opens it: 2024 forms, the projects carried, nothing else written over.
source "$(dirname "$0")/jixiao.sh"
mkdir -p "$W/dir"
cp "$EXAMPLE" "$W/dir/hunan-unit-2023.json"
cp "$EXAMPLE" "$W/orig.json"
cd "$W/dir"

jx_start
wait_for "以上年草稿为底稿新建"
wait_for "hunan-unit-2023.json"
send Down
send n
jx_main
assert_screen_has "2024"
[[ -f hunan-unit-2024.json ]]
[[ "$(stat -c %a hunan-unit-2024.json)" == 600 ]]
cmp hunan-unit-2023.json "$W/orig.json"
# A carried cell says so on the status line until it is set, here to the value it already had.
jx_focus "财政供养人员 · 编制数" BTab 200
wait_for "提示：沿用上年，请核对"
send -l 15
send Enter
jx_focus "财政供养人员 · 编制数" BTab 200
for ((n = 0; n < 100; n++)); do status_line >/dev/null; screen | grep -qF "提示：沿用上年" || break; sleep 0.02; done
if screen | grep -qF "提示：沿用上年"; then echo "the mark stayed after the cell was set" >&2; screen >&2; exit 1; fi
send F2
wait_for "已保存"
send F10
[[ "$(wait_exit)" == 0 ]]
"$JX" validate --json hunan-unit-2024.json > v.json || true
[[ "$(grep -c '"code": "carried"' v.json)" == 297 ]]
if grep -B2 '"path": "A.staff.authorized"' v.json | grep -qF '"code": "carried"'; then echo "still marked in the file" >&2; exit 1; fi
[[ "$(field hunan-unit-2024.json A.staff.authorized)" == 15 ]]
[[ "$("$JX" fields hunan-unit-2024.json | awk -F'\t' '$1 == "C[7].name.value" { print $4 }')" == "$(field hunan-unit-2023.json 'C[7].name.value')" ]]
"$JX" validate hunan-unit-2024.json > out || true
grep -qF "沿用上年，请核对" out
