#!/usr/bin/env bash
# Issue 16: a workbook printed by `jixiao print --format xlsx`, edited by a script (openpyxl) and saved
# again by LibreOffice (shared strings, its own number and formula writing, as a colleague's WPS/Excel
# would), is read back by `jixiao import`: exactly the edited cells listed and applied; a replaced
# formula and junk in a money cell refused with sheet and cell, the draft untouched.
# Skips (passing, with a note) when libreoffice or Python's openpyxl is not installed; JIXIAO_PYTHON
# names a Python that has openpyxl (default: python3).
source "$(dirname "$0")/jixiao.sh"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
PY="${JIXIAO_PYTHON:-python3}"
if ! command -v libreoffice >/dev/null; then echo "SKIP import_libreoffice: libreoffice is not installed"; exit 0; fi
if ! "$PY" -c 'import openpyxl' 2>/dev/null; then echo "SKIP import_libreoffice: $PY has no openpyxl (set JIXIAO_PYTHON)"; exit 0; fi
cd "$W"
cp "$EXAMPLE" d.json
"$JX" next d.json --year 2024 -o n.json > /dev/null
"$JX" print n.json --format xlsx --draft -o n.xlsx 2> /dev/null

# edit.py IN OUT PATH=VALUE... — sets cells by their draft path, found in the workbook's hidden map.
cat > edit.py <<'PY'
import sys, openpyxl
src, dst, edits = sys.argv[1], sys.argv[2], [a.split("=", 1) for a in sys.argv[3:]]
wb = openpyxl.load_workbook(src)
where = {}
for row in wb["jixiao"].iter_rows(min_row=7, values_only=True):
    if row[0] is None: break
    where[row[2]] = (row[0], row[1])
for path, value in edits:
    sheet, ref = where[path]
    try: value = float(value)
    except ValueError: pass
    wb[sheet][ref].value = value
wb.save(dst)
PY
# through_libreoffice IN — the file LibreOffice writes back from IN, in lo/.
through_libreoffice() {
    HOME="$W/home" timeout 90 libreoffice --headless --convert-to xlsx --outdir lo "$1" > /dev/null 2>&1
    [[ -s "lo/$1" ]]
}

"$PY" edit.py n.xlsx good.xlsx 'A[1].staff.actual=16' 'A[1].office.budget=12.5' 'C[2].quantity[1].actual=4100平方米'
through_libreoffice good.xlsx
unzip -l lo/good.xlsx > parts.txt
grep -qF xl/sharedStrings.xml parts.txt   # LibreOffice writes strings to the shared table

"$JX" import lo/good.xlsx n.json --dry-run --json > dry.json
"$PY" - <<'PY'
import json
d = json.load(open("dry.json"))
paths = sorted(c["path"] for c in d["changes"])
assert paths == ["A.office.budget", "A.staff.actual", "C[2].quantity[1].actual"], paths
assert not d["applied"]
PY
[[ ! -e n.json.bak ]]   # --dry-run saved nothing
"$JX" import lo/good.xlsx n.json > applied.txt
grep -qF "共 3 处改动" applied.txt
[[ "$(field n.json A.staff.actual)" == 16 ]]
[[ "$(field n.json A.office.budget)" == 12.50 || "$(field n.json A.office.budget)" == 12.5 ]]
[[ "$(field n.json 'C[2].quantity[1].actual')" == 4100平方米 ]]
# Read back again, the same workbook changes nothing.
"$JX" import lo/good.xlsx n.json > again.txt
grep -qF "没有要导入的改动" again.txt

# A formula replaced by a number, and junk in a money cell: refused, nothing applied.
"$JX" print n.json --format xlsx --draft -o n2.xlsx --force 2> /dev/null
"$PY" edit.py n2.xlsx bad.xlsx 'A[1].sangong.budget=999' 'A[1].office.actual=十二万' 'A[1].staff.actual=18'
through_libreoffice bad.xlsx
cp n.json before.json
if "$JX" import lo/bad.xlsx n.json > out 2>&1; then echo "not refused" >&2; cat out >&2; exit 1; fi
grep -qF "是自动计算的格子" out
grep -qF "「十二万」不是数字" out
grep -qF "工作表「附件1」" out
cmp n.json before.json

# Another draft's workbook.
cp "$REPO/examples/henan-dept-2022.json" h.json
"$JX" print h.json --format xlsx --draft -o h.xlsx 2> /dev/null
if "$JX" import h.xlsx n.json > out 2>&1; then echo "not refused" >&2; exit 1; fi
grep -qF "来自另一份草稿" out
cmp n.json before.json
echo "import through LibreOffice: ok"
