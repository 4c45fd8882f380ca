#!/usr/bin/env bash
# Issue 12, item 5: the terminal UI paints the first screen before it reads the projects it does not
# show, and reads them before any key. A draft with a defect in one of those is still refused, with
# the message `validate` gives, the exit status 2, the lock gone and the file untouched.
source "$(dirname "$0")/jixiao.sh"
# An unknown row inside the third project's rows (附件3-3), which the first screen (附件1) does not show.
line="$(grep -n '"rows": {' "$EXAMPLE" | sed -n 5p | cut -d: -f1)"
sed "${line}a\\          \"noSuchRow\": []," "$EXAMPLE" > "$W/bad.json"
before="$(cksum < "$W/bad.json")"

rc=0
expected="$("$JX" validate "$W/bad.json" 2>&1)" || rc=$?
[[ $rc == 2 ]] || { echo "validate exit $rc, expected 2" >&2; printf '%s\n' "$expected" >&2; exit 1; }
grep -qF "noSuchRow" <<<"$expected"

jx_start "'$W/bad.json'"
[[ "$(wait_exit 10)" == 2 ]]
screen | grep -qF "noSuchRow"
[[ ! -e "$W/.bad.json.lock" ]]
[[ "$(cksum < "$W/bad.json")" == "$before" ]]
echo "bad project late: a defect in a project read after the first screen is refused as validate refuses it"
