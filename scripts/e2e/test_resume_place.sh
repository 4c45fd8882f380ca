#!/usr/bin/env bash
# Issue 13, friction 5: reopening a draft puts the cursor on the cell it was left on (form, row,
# column), kept in the user's state folder; the draft itself is not changed by it. A damaged record
# of that place opens the draft as before, on the first cell still to fill.
source "$(dirname "$0")/jixiao.sh"
# cell_name — the focused cell's name under the table (「附件3-1（…） · 绩效指标 · … · 得分」).
cell_name() { status_line | grep -E '^ 附件' | tail -1; }
cp "$EXAMPLE" "$W/d.json"
jx_start "'$W/d.json'"
jx_main
first="$(cell_name)"
send C-n                                  # 附件2
wait_for "附件2"
send C-n                                  # 附件3-1
wait_for "附件3-1"
for _ in 1 2 3 4 5 6; do send Down; done
send Right
sleep 0.3
left="$(cell_name)"
[[ "$left" != "$first" ]]
send F10
[[ "$(wait_exit)" == 0 ]]
cmp "$EXAMPLE" "$W/d.json"                # only the cursor moved: the draft is as it was
places=("$W"/home/.local/state/jixiao/places/d.json-*.json)
[[ -f "${places[0]}" ]]
[[ "$(stat -c %a "${places[0]}")" == 600 ]]

jx_start "'$W/d.json'"
jx_main
wait_for "附件3-1（"
sleep 0.3
[[ "$(cell_name)" == "$left" ]] || { echo "e2e: reopened at $(cell_name), left at $left" >&2; exit 1; }
send F10
[[ "$(wait_exit)" == 0 ]]

# A damaged record, and one naming a cell that does not exist: the first cell still to fill.
for bad in 'not json' '{"draft":"'"$W/d.json"'","form":"C","formIndex":99,"row":"x","rowIndex":-5,"column":"y"}'; do
    printf '%s' "$bad" > "${places[0]}"
    jx_start "'$W/d.json'"
    jx_main
    sleep 0.3
    [[ "$(cell_name)" == "$first" ]] || { echo "e2e: with a bad record ($bad) opened at $(cell_name)" >&2; exit 1; }
    send F10
    [[ "$(wait_exit)" == 0 ]]
done
cmp "$EXAMPLE" "$W/d.json"
echo "resume: left at$left, reopened there"
