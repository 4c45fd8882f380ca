#!/usr/bin/env bash
# Issue 11, item 11: a cell holding terminal escape sequences (clear screen, an OSC window title, BEL,
# hidden text) reaches no terminal through any command: validate, score, fields, print --format text
# (to the terminal and to a file) and html, and the error messages (of jixiao and of its argument
# parser) show control characters as \xHH; --json stays exact, JSON-escaped.
source "$(dirname "$0")/jixiao.sh"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
cd "$W"
cp "$EXAMPLE" d.json
P=$'\e[2J\e[H0 个错误，0 个警告\e]0;pwned\a\e[8m\x01'
# B.quantity[2] has a warning, so validate names it.
"$JX" set d.json "B.goal[1].achieved=$P" "B.quantity[2].name=$P" "A.unitName.value=$P" "A.specialItem[1].label=$P" >/dev/null

# no_controls FILE — fails when FILE holds a C0 control other than tab and line feed, DEL, or a C1 control.
no_controls() {
    local n
    n=$(LC_ALL=C tr -d '\011\012\040-\176\200-\377' < "$1" | wc -c)
    if [[ $n -ne 0 ]] || LC_ALL=C grep -qaP '\xc2[\x80-\x9f]' "$1"; then
        echo "control characters in the output of: $2" >&2
        od -c "$1" | grep -m3 '\\0\|033\|\\a\|001' >&2
        return 1
    fi
}

check() {  # check WHAT CMD... — runs CMD, stdout and stderr together, and checks both.
    local what="$1"
    shift
    "$@" > out 2>&1 || true
    no_controls out "$what"
    grep -qF '\x1b[2J' out || { echo "$what does not show the escape as \\x1b:" >&2; head -5 out >&2; return 1; }
}

check "validate" "$JX" validate d.json
check "score" "$JX" score d.json
check "fields" "$JX" fields d.json
check "print text" "$JX" print d.json --format text
"$JX" print d.json --format text -o card.txt 2>/dev/null
no_controls card.txt "print text to a file"
grep -qF '\x1b[2J' card.txt
"$JX" print d.json --format html > page.html
no_controls page.html "print html"
grep -qF '&#x1B;[2J' page.html
# Error messages: a value that is not a number, a file name, an option's value.
check "set error" "$JX" set d.json "A.staff.actual=$P"
check "missing file" "$JX" validate "$P.json"
check "argument error" "$JX" print d.json --format "$P"

# --json: exact. Escaped the JSON way, and reads back as the very same text.
for cmd in "fields" "score" "validate"; do
    "$JX" $cmd --json d.json > out.json || true
    no_controls out.json "$cmd --json"
    grep -qF '\u001b[2J' out.json
done
"$JX" fields --json d.json > out.json
grep -qF '"value": "\u001b[2J\u001b[H0 个错误，0 个警告\u001b]0;pwned\u0007\u001b[8m\u0001"' out.json
