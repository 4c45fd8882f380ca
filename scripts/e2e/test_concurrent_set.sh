#!/usr/bin/env bash
# Issue 11, item 2: two `jixiao set` on one draft at the same moment, 200 times. Every change that
# reported 已保存 is in the file afterwards: the writers serialize on the draft instead of both
# reading the old version and the second rename throwing the first change away.
source "$(dirname "$0")/jixiao.sh"
cp "$EXAMPLE" "$W/d.json"

# The stored A.staff.actual and B.phone.value, read from the file itself (one awk, not two `jixiao
# fields`, keeps 200 rounds fast): the first "actual" after "staff", the first "value" after "phone"
# once inside form "B".
stored() {
    awk '
        /"staff": \{/ && staff == "" { s = 1 }
        s && /"actual":/ { staff = $2; s = 0 }
        /"B": \[/ { inB = 1 }
        inB && /"phone": \{/ && phone == "" { p = 1 }
        p && /"value":/ { phone = $2; p = 0 }
        END { gsub(/[",]/, "", staff); gsub(/[",]/, "", phone); print staff, phone }
    ' "$W/d.json"
}

saved=0
refused=0
for ((i = 1; i <= 200; i++)); do
    # Both started before either is waited for: they run truly at once.
    "$JX" set "$W/d.json" "A.staff.actual=$i" >"$W/one.out" 2>&1 &
    a=$!
    "$JX" set "$W/d.json" "B.phone.value=p$i" >"$W/two.out" 2>&1 &
    b=$!
    wait "$a" || true
    wait "$b" || true
    read -r staff phone < <(stored)
    if grep -q "已保存" "$W/one.out"; then
        saved=$((saved + 1))
        [[ "$staff" == "$i" ]] || { echo "round $i: A.staff.actual=$i reported saved, file has '$staff'" >&2; cat "$W/one.out" "$W/two.out" >&2; exit 1; }
    else
        refused=$((refused + 1))
    fi
    if grep -q "已保存" "$W/two.out"; then
        saved=$((saved + 1))
        [[ "$phone" == "p$i" ]] || { echo "round $i: B.phone.value=p$i reported saved, file has '$phone'" >&2; cat "$W/one.out" "$W/two.out" >&2; exit 1; }
    else
        refused=$((refused + 1))
    fi
done
"$JX" validate "$W/d.json" >/dev/null || [[ $? == 1 ]]
echo "concurrent_set: 200 rounds, $saved changes saved and present, $refused refused"
# Waiting for the other writer is the design; a refusal would mean the bounded wait ran out.
[[ $refused == 0 ]]
