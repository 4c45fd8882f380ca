#!/usr/bin/env bash
# Issue 11, items 2, 3, 4 and 6, through `jixiao set`: what it refuses to write, and when it writes
# nothing at all.
#   - a cell over the reader's limit (100000 bytes) is refused with the limit named; nothing is written;
#   - a draft file without write permission (0400) is not replaced;
#   - a draft open in the terminal UI (a live process's lock) is not written behind its back;
#   - a set that changes nothing writes nothing: the draft keeps its inode and mtime, .bak is not rotated.
source "$(dirname "$0")/jixiao.sh"
d="$W/d.json"
cp "$EXAMPLE" "$d"
"$JX" set "$d" A.staff.actual=14 >/dev/null
"$JX" set "$d" A.staff.actual=15 >/dev/null          # d.json.bak now holds the version with 14

identity() { stat -c '%i %s %y %a' "$1"; }
snapshot() { identity "$d"; md5sum <"$d"; md5sum <"$d.bak"; }

# 3. A cell of 100002 bytes (33334 × 3-byte 中) is refused; one of exactly 100000 is saved and reads back.
before="$(snapshot)"
big="$(printf '中%.0s' $(seq 33334))"
rc=0
out="$("$JX" set "$d" "A.unitName.value=$big" 2>&1)" || rc=$?
[[ $rc == 2 ]] || { echo "an oversized cell: exit $rc, expected 2" >&2; exit 1; }
grep -qF "100000" <<<"$out" || { echo "the message does not name the limit: $out" >&2; exit 1; }
[[ "$(snapshot)" == "$before" ]] || { echo "an oversized cell changed the draft or its backup" >&2; exit 1; }
fits="$(printf '中%.0s' $(seq 33333))a"
"$JX" set "$d" "A.unitName.value=$fits" >/dev/null
"$JX" validate "$d" >/dev/null || [[ $? == 1 ]]
"$JX" set "$d" A.unitName.value=测试单位 >/dev/null

# 6. Setting a cell to the value it has, or setting nothing, writes nothing.
"$JX" set "$d" A.staff.actual=14 >/dev/null
"$JX" set "$d" A.staff.actual=15 >/dev/null
before="$(snapshot)"
sleep 0.01                                           # a rewrite would show in the mtime
out="$("$JX" set "$d" A.staff.actual=15)"
grep -qF "未写入" <<<"$out" || { echo "no-op set says: $out" >&2; exit 1; }
"$JX" set "$d" >/dev/null
"$JX" set "$d" A.staff.actual=" 15 " >/dev/null
[[ "$(snapshot)" == "$before" ]] || { echo "a no-op set rewrote the draft or rotated .bak" >&2; printf '%s\n---\n%s\n' "$before" "$(snapshot)" >&2; exit 1; }
[[ -z "$(find "$W" -maxdepth 1 -name '.d.json.*')" ]]

# 4. A read-only draft file is left as it is, and the message says why.
chmod 0400 "$d"
before="$(snapshot)"
rc=0
out="$("$JX" set "$d" A.staff.actual=16 2>&1)" || rc=$?
[[ $rc == 2 ]] || { echo "a read-only draft: exit $rc, expected 2" >&2; exit 1; }
grep -qF "只读" <<<"$out" || { echo "read-only draft message: $out" >&2; exit 1; }
[[ "$(snapshot)" == "$before" ]] || { echo "a read-only draft was replaced" >&2; exit 1; }
chmod 0600 "$d"

# 2. A draft held open by a live terminal UI (its lock names a running process) is not written.
sleep 30 &
holder=$!
e2e_on_exit "kill $holder"
printf '{"program": "jixiao", "pid": %d, "host": "%s", "user": "kuaiji", "since": "2024-01-01T08:00:00+08:00", "sinceMs": 1704067200000, "boot": "%s"}' \
    "$holder" "$(hostname)" "$(cat /proc/sys/kernel/random/boot_id)" >"$W/.d.json.lock"
before="$(snapshot)"
rc=0
out="$("$JX" set "$d" A.staff.actual=17 2>&1)" || rc=$?
[[ $rc == 2 ]] || { echo "a draft open elsewhere: exit $rc, expected 2" >&2; exit 1; }
grep -qF "进程 $holder" <<<"$out" || { echo "the message does not name the holder: $out" >&2; exit 1; }
grep -qF "未等待" <<<"$out" || { echo "the message does not say it did not wait: $out" >&2; exit 1; }
[[ "$(snapshot)" == "$before" ]]
kill "$holder"
wait "$holder" 2>/dev/null || true
# Once that process is gone its lock is stale, and set goes ahead (leaving the lock to the UI to clean).
"$JX" set "$d" A.staff.actual=17 >/dev/null
[[ "$(field "$d" A.staff.actual)" == 17 ]]
echo "set_guards: oversized cell, no-op, read-only file and held lock all leave the draft alone"
