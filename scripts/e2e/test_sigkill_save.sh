#!/usr/bin/env bash
# Issue 5: SIGKILL at random moments while `jixiao set` saves, 100 times. However the save is cut short,
# the draft on disk is whole: `jixiao validate` can read it (exit ≠ 2) and it is byte for byte either the
# old version or the new one.
source "$(dirname "$0")/jixiao.sh"
cp "$EXAMPLE" "$W/old.json"
cp "$W/old.json" "$W/new.json"
"$JX" set "$W/new.json" A.carPurchase.prev=7 A.staff.authorized=16 >/dev/null
! cmp -s "$W/old.json" "$W/new.json"

# How long one save takes here, so the kills spread over the whole of it (start-up, load, write, rename).
t0=$EPOCHREALTIME
cp "$W/old.json" "$W/d.json"
"$JX" set "$W/d.json" A.carPurchase.prev=7 A.staff.authorized=16 >/dev/null
span=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%d", (b - a) * 1200000 }')   # µs, +20%

old=0 new=0
for ((i = 0; i < 100; i++)); do
    cp "$W/old.json" "$W/d.json"
    "$JX" set "$W/d.json" A.carPurchase.prev=7 A.staff.authorized=16 >/dev/null 2>&1 &
    pid=$!
    delay=$(( (RANDOM * 32768 + RANDOM) % span ))
    sleep "$(awk -v u="$delay" 'BEGIN { printf "%.6f", u / 1e6 }')"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rc=0
    "$JX" validate "$W/d.json" >/dev/null 2>&1 || rc=$?
    if [[ $rc == 2 ]]; then echo "run $i: the draft cannot be read after SIGKILL" >&2; exit 1; fi
    if cmp -s "$W/d.json" "$W/old.json"; then
        old=$((old + 1))
    elif cmp -s "$W/d.json" "$W/new.json"; then
        new=$((new + 1))
    else
        echo "run $i: the draft is neither the old nor the new version" >&2
        diff "$W/old.json" "$W/d.json" | head >&2
        exit 1
    fi
done
echo "sigkill_save: 100 kills, old version $old times, new version $new times"
[[ $((old + new)) == 100 ]]
