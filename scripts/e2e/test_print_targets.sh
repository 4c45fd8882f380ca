#!/usr/bin/env bash
# Issue 11, items 5 and 16: `jixiao print d.json -o d.json` destroyed the draft. A printout is never
# written over the draft, its .bak, its lock or its recovery file (not even with --force, not through
# another path or a link to it); over another existing file only when that is an earlier printout of
# the same kind, or with --force; never through a symbolic link; never into a FIFO (and without
# hanging); and every printout is created 0600, here under umask 022.
source "$(dirname "$0")/jixiao.sh"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
cd "$W"
umask 022
cp "$EXAMPLE" d.json
"$JX" set d.json A.staff.actual=16 >/dev/null   # leaves d.json.bak
echo lock > .d.json.lock
echo recovery > .d.json.recovery
cp d.json draft.orig
cp d.json.bak bak.orig
ln d.json hard.json
ln -s d.json soft.html

# refused MESSAGE CMD... — CMD must fail (without hanging) and say MESSAGE.
refused() {
    local message="$1"
    shift
    if timeout 20 "$@" > out 2>&1; then echo "not refused: $*" >&2; cat out >&2; return 1; fi
    grep -qF -- "$message" out || { echo "refused without «$message»: $*" >&2; cat out >&2; return 1; }
}

formats=(text html xlsx)
k=0
for target in d.json ./d.json "$W/d.json" d.json.bak .d.json.lock .d.json.recovery hard.json soft.html; do
    format=${formats[$((k++ % 3))]}
    refused "不能把打印结果写到" "$JX" print d.json --format "$format" -o "$target"
    refused "不能把打印结果写到" "$JX" print d.json --format "$format" -o "$target" --force
done
# The draft named by another path than the -o.
mkdir sub
refused "不能把打印结果写到" "$JX" print sub/../d.json --format html -o "$W/d.json"
cmp d.json draft.orig
cmp d.json.bak bak.orig
[[ "$(cat .d.json.lock)" == lock && "$(cat .d.json.recovery)" == recovery ]]

# Someone else's file: only with --force.
echo "my notes" > notes.html
refused "已存在，且不是 Jixiao 之前打印的同类文件" "$JX" print d.json --format html -o notes.html
[[ "$(cat notes.html)" == "my notes" ]]
"$JX" print d.json --format html -o notes.html --force 2>/dev/null
grep -qF '<meta name="generator" content="Jixiao">' notes.html

# An earlier printout of the same kind is replaced without --force; one of another kind is not.
for format in text html xlsx; do
    "$JX" print d.json --format "$format" -o "out.$format" 2>/dev/null
    "$JX" print d.json --format "$format" -o "out.$format" --draft 2>/dev/null
done
"$JX" print d.json --format csv 2>/dev/null
"$JX" print d.json --format csv --draft 2>/dev/null
"$JX" print d.json --format xlsx 2>/dev/null
"$JX" print d.json --format xlsx 2>/dev/null
refused "不是 Jixiao 之前打印的同类文件" "$JX" print d.json --format xlsx -o out.html

# Every printout is 0600 (umask 022 would give 0644).
for f in notes.html out.text out.html out.xlsx d.xlsx d-*.csv; do
    [[ "$(stat -c %a "$f")" == 600 ]] || { echo "$f is $(stat -c %a "$f")" >&2; exit 1; }
done

# A link is never written through; forced, the link itself is replaced.
echo secret > secret
chmod 644 secret
ln -s secret link.html
refused "符号链接" "$JX" print d.json --format html -o link.html
"$JX" print d.json --format html -o link.html --force 2>/dev/null
[[ "$(cat secret)" == secret && "$(stat -c %a secret)" == 644 && ! -L link.html ]]

# A FIFO or a folder is never replaced, and opening the FIFO does not hang.
mkfifo pipe.html
mkdir folder.html
refused "不是普通文件" "$JX" print d.json --format html -o pipe.html --force
refused "不是普通文件" "$JX" print d.json --format html -o folder.html --force

# No temporary file is left behind.
if ls -A | grep -q 'tmp-'; then ls -A >&2; exit 1; fi
