#!/usr/bin/env bash
# Issue 13: seed 001's 附件1 and 附件3-1 entered from the paper as an accountant would, by keys only
# (figures as in examples/hunan-unit-2023.sh): Tab and Enter from cell to cell, names typed straight
# onto a group's "＋" line, Tab over empty cells. Prints how many keys each form took (a character
# typed counts one key, as with an input method committing it) and checks the totals on screen.
source "$(dirname "$0")/jixiao.sh"
# Hundreds of keys are queued at once: waits are for the program to catch up, on a busy machine too.
E2E_TIMEOUT=60
f="$W/d.json"
UNIT="岳阳市岳阳楼区人力资源和社会保障局"
DEPT="岳阳楼区人力资源和社会保障局"
"$JX" new "$f" --template hunan-unit --year 2023 --unit "$UNIT" --projects 1 >/dev/null

keys=0
k() { local key; for key in "$@"; do send "$key"; keys=$((keys + 1)); done; }     # named keys
t() { send -l "$1"; keys=$((keys + ${#1})); }                                     # typed text
v() { t "$1"; k Enter; }                                                          # a value, then on
skip() { local i; for ((i = 0; i < $1; i++)); do k Tab; done; }                   # empty cells
row3() { local x; for x in "$@"; do if [[ -z "$x" ]]; then skip 1; else v "$x"; fi; done; }
# A repeated row typed onto its group's "＋" line: the name, then its cells.
fund() { v "$1"; shift; row3 "$@"; }
# An indicator: name, target, actual, weight, score; Tab over the reason to the group's "＋" line.
ind() { v "$1"; v "$2"; v "$3"; v "$4"; v "$5"; skip 1; }
# Multi-line text: Enter between lines, then KEY (Tab: finish and go on; C-s: finish and stay).
area() { local first=1 line; while IFS= read -r line; do [[ $first == 1 ]] || k Enter; first=0; t "$line"; done <<<"$1"; k "${2:-Tab}"; }

jx_start "'$f'"
jx_main
status_line | grep -qF "2023年实际在职人数" || status_line | grep -qF "编制数"

# 附件1 (the unit's name is already there: the first cell to fill is 编制数)
row3 15 15
row3 "" "" ""  "" "" ""  "" "" ""   # 公车购置, 公车运行维护, 出国经费
row3 2.58 3 0                       # 公务接待
row3 80.19 130 107.96               # 业务工作经费
row3 99 101 101                     # 运行维护经费
fund "2021年绩效奖励" 56.44 "" ""
fund "离退休生活补贴" 20.91 "" ""
fund "办公楼装修改造工程款" 15.55 "" ""
fund "编外用工人员经费" 86.67 90 90
fund "事业单位公开招聘" 44.67 "" 48.24
fund "四海揽才" "" "" 11.04
fund "卫生系统公开招聘" "" "" 25.41
fund "重大公共卫生服务（防疫经费）" 65.13 "" 62.64
fund "绩效考评奖励（个人）" 5.7 "" ""
fund "纪委选调考试工作经费" 3.98 "" ""
fund "稳岗位提技能保就业工作" 40.00 "" ""
fund "省运会" 1.48 "" ""
fund "毛发检测经费" 1.78 "" ""
fund "网络员招聘" 40.14 "" ""
fund "独生子女奖励" 3.27 "" ""
fund "春节慰问困难群众资金" "" "" 4.52
fund "其他项目" "" "" 202.84
skip 2                              # past the special funds' "＋" line and the empty 上级转移支付
row3 "" "" 20                       # 市级专项资金
row3 81.14 64.8 61.05  6.88 2 2  6.91 4.7 4.7  0 0 0  183.01 284.68 312.28  37.5 63.23 63.23
row3 0 0 0 0                        # 完工项目
area "1、 提倡节约型机关，减少水电的使用成本，节约费用支出；
2、 减少不必要的接待支出，接待支出需有接待函，加班用餐必须先申报再用餐，严格按照接待标准进行接待；
3、 完善项目支出申报程序，大型项目支出需报局领导审批，局领导采购小组审核资金后方可进行；
4、严格控制固定资产购销管理。" C-s
keysA=$keys

# 附件3-1: two forms on with Ctrl-N, at its first empty cell (the project's name).
k C-n
wait_for "附件2  2023年度预算单位整体支出绩效自评表"
k C-n
wait_for "附件3-1  2023年度项目支出绩效自评表"
v "业务工作经费"; v "$DEPT"; v "$DEPT"
row3 130 107.96 107.96  "" "" ""  "" "" ""
area "1、承担全局劳动合同及各类工本费的印刷服务；
2、负责组织教师职业资格考试工作、承办全区教师职称认定、评审和日常工作；
3、负责全区国企退休人员档案管理工作。"
area "1、国有企业退休档案社会化管理，完成5500册的国有退休档案数字化工作。
2、增强教师职业发展，稳定和谐关系，防范和化解风险，提高组织效率。"
skip 1                              # the goals' "＋" line
ind "人事人才档案管理数" ≥5000份 5500份 5 5
ind "职称评定数" ≥100人 374人 5 5; skip 1
ind "人事档案规范整理完成度" 98% 100% 5 5
ind "职称评定通过率" ≤55% 100% 5 5; skip 1
ind "整理工作时日" 12个月 100% 10 10; skip 1
ind "档案管理成本" ≤57万元 47.96万元 5 5
ind "劳动合同工本费" ≤5万元 5万元 5 5
ind "社保基金监管" ≤35万元 35万元 5 5
ind "教师职称资格评定" ≤20万元 20万元 5 5; skip 1
skip 1                              # 经济效益指标: none
ind "维持人社局正常业务经办" 正常运转 正常运转 7.5 7.5
ind "保障国企退休人员待遇" 规范整理国企退休人员档案 规范整理国企退休人员档案 7.5 7.5; skip 1
skip 1                              # 生态效益指标: none
ind "增强教师职业发展，稳定和谐关系，防范和化解风险，提高组织效率" 有效提升 有效提升 7.5 7.5
ind "提升档案管理效率" 有效提升 有效提升 7.5 7.5; skip 1
ind "群众满意度" ≥95% 100% 10 10
keysC=$((keys - keysA))
k C-s
wait_for "已保存"
echo "keys: 附件1 $keysA, 附件3-1 $keysC, total $keys"

# The totals on screen: 附件1 opens at its top, where 项目支出 and 区级专项资金 are.
k C-p C-p
wait_for "附件1  2023年度预算单位整体支出绩效评价基础数据表"
wait_for "564.91"
screen | grep -F "项目支出" | grep -F "564.91" | grep -F "321.00" | grep -qF "673.65" \
    || { echo "e2e: 项目支出 totals wrong" >&2; screen >&2; exit 1; }
screen | grep -F "3、区级专项资金" | grep -qF "444.69" || { echo "e2e: 区级专项资金 total wrong" >&2; screen >&2; exit 1; }
k F10
[[ "$(wait_exit)" == 0 ]]
# What was typed is what the example holds.
for p in A.specialItem[17].label A.specialItem[17].actual A.publicCost.actual A.measures.value C[1].quantity[2].actual \
         C[1].cost[4].name C[1].sustainable[1].name C[1].serviceSatisfaction[1].score C[1].goal[1].achieved; do
    [[ "$(field "$f" "$p")" == "$(field "$EXAMPLE" "$p")" ]] || { echo "e2e: $p differs: $(field "$f" "$p")" >&2; exit 1; }
done
[[ "$("$JX" score "$f" | grep -c "总分")" -ge 1 ]]
