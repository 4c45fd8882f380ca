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
send F10
[[ "$(wait_exit)" == 0 ]]
[[ "$("$JX" fields hunan-unit-2024.json | awk -F'\t' '$1 == "C[7].name.value" { print $4 }')" == "$(field hunan-unit-2023.json 'C[7].name.value')" ]]
"$JX" validate hunan-unit-2024.json > out || true
grep -qF "沿用上年，请核对" out
