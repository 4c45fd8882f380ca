#!/usr/bin/env bash
# Builds hunan-unit-2023.json: seed 001 (a district HR bureau's 2023 self-evaluation, 附件1–3-7) entered
# the way an accountant would, through `jixiao set`. The people's names and phone numbers of the
# original are replaced by placeholders. Figures and texts are as printed, mistakes included.
# Usage: examples/hunan-unit-2023.sh [path-to-jixiao]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
J=${1:-"$here/../.build/debug/jixiao"}
out="$here/hunan-unit-2023.json"
rm -f "$out" "$out.bak"
UNIT="岳阳市岳阳楼区人力资源和社会保障局"
DEPT="岳阳楼区人力资源和社会保障局"
"$J" new "$out" --template hunan-unit --year 2023 --unit "$UNIT" --projects 0 >/dev/null
set_() { "$J" set "$out" "$@" >/dev/null; }

# 附件1 基础数据表
set_ A.staff.authorized=15 A.staff.actual=15 \
  A.reception.prev=2.58 A.reception.budget=3 A.reception.actual=0 \
  A.business.prev=80.19 A.business.budget=130 A.business.actual=107.96 \
  A.operation.prev=99 A.operation.budget=101 A.operation.actual=101 \
  A.cityFund.actual=20 \
  A.publicCost.prev=81.14 A.publicCost.budget=64.8 A.publicCost.actual=61.05 \
  A.office.prev=6.88 A.office.budget=2 A.office.actual=2 \
  A.utilities.prev=6.91 A.utilities.budget=4.7 A.utilities.actual=4.7 \
  A.meetings.prev=0 A.meetings.budget=0 A.meetings.actual=0 \
  A.procurement.prev=183.01 A.procurement.budget=284.68 A.procurement.actual=312.28 \
  A.basicAdjust.prev=37.5 A.basicAdjust.budget=63.23 A.basicAdjust.actual=63.23 \
  A.building.approvedArea=0 A.building.actualArea=0 A.building.budgetInvest=0 A.building.actualInvest=0
fund() { # name prev budget actual
  local args=("A.specialItem[+].label=$1")
  [ -n "$2" ] && args+=("A.specialItem[\$].prev=$2")
  [ -n "$3" ] && args+=("A.specialItem[\$].budget=$3")
  [ -n "$4" ] && args+=("A.specialItem[\$].actual=$4")
  set_ "${args[@]}"
}
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
set_ "A.measures.value=1、 提倡节约型机关，减少水电的使用成本，节约费用支出；
2、 减少不必要的接待支出，接待支出需有接待函，加班用餐必须先申报再用餐，严格按照接待标准进行接待；
3、 完善项目支出申报程序，大型项目支出需报局领导审批，局领导采购小组审核资金后方可进行；
4、严格控制固定资产购销管理。"

# 附件2 整体支出绩效自评表
set_ B.total.initial=993.6 B.total.budget=1034.36 B.total.actual=1034.36 \
  B.general.value=1034.36 B.basic.value=360.71 B.project.value=673.65 \
  "B.goal[1].expected=目标 1：拟定人力资源市场发展规划、规范人力资源市场建设、综合管理政府人才工作，实施事业单位工作人员流动调配政策、组织实施劳动关系政策；" \
  "B.goal[1].achieved=拟定了人力资源市场发展规划、规范人力资源市场建设、综合管理政府人才工作，实施事业单位工作人员流动调配政策、组织实施劳动关系政策；" \
  "B.goal[+].expected=目标 2：综合管理事业单位工资福利工作" "B.goal[\$].achieved=楼区事业单位薪级工资晋升8402人，职员晋升 325人；" \
  "B.goal[+].expected=目标 3：综合管理和指导劳动人事争议调解仲裁工作" "B.goal[\$].achieved=接待处理劳动争议纠纷 509件，调解成功率73%，按期结案率为100%；" \
  "B.goal[+].expected=目标 4：负责促进就业工作" "B.goal[\$].achieved=城镇新增就业完成 8854人，完成目标任务 108%；登记失业率控制在 3.5以下；创业培训447人；失业保险参保27612人；职业技能培训1026人。" \
  "B.goal[+].expected=目标 5：退休老干部及职工的社会化管理" "B.goal[\$].achieved=2023年度教育退休251人，其他事业单位退休87人。" \
  B.filler.value=示例填表人 B.phone.value=000-0000000 B.date.value=2024.5.30

# ind FORM GROUP name target actual weight score [reason]
# The template starts these groups with one empty row: the first indicator of such a group fills it.
declare -A used
starts_with_row=" quantity quality timeliness cost social serviceSatisfaction "
ind() {
  local f=$1 g=$2 key="$1.$2" idx=+
  if [ -z "${used[$key]:-}" ] && [[ $starts_with_row == *" $g "* ]]; then idx=1; fi
  used[$key]=1
  local p="$f.$g[$idx]"
  local args=("$p.name=$3")
  p="$f.$g[\$]"
  args+=("$p.target=$4" "$p.actual=$5" "$p.weight=$6" "$p.score=$7")
  [ -n "${8:-}" ] && args+=("$p.reason=$8")
  set_ "${args[@]}"
}
ind B quantity "对全区工程建设领域在建项目保障农民工工资支付保障人数" 6000人 6000人 2 2
ind B quantity "职称评定数" ≥100人 374人 2 2
ind B quantity "人事人才档案管理数" ≥5500份 5500份 2 2
ind B quantity "劳动仲裁受理案件数" ≥0起 509起 2 2
ind B quantity "维持事业单位工作人员的信息管理和继续教育管理工作" 100% 100% 2 2
ind B quantity "组织2023年四海揽才、事业单位招聘、卫生系统招聘" 86人 86人 2 2
ind B quantity "楼区财政拨款的机关事业单位和社区发生的工伤事故的事故勘察工作" 77起 77起 2 2
ind B quantity "创业培训参与人数" 400人 447人 2 2
ind B quantity "职业技能培训参与人数" 1000人 1026人 2 2
ind B quantity "就业困难对象再就业人数" 1350人 2297人 2 2
ind B quantity "失业人员再就业人数" 3500人 6305人 2 2
ind B quantity "失业保险参保人数" 27000人 27612人 2 2
ind B quantity "新增农村劳动力转移就业人数" 200人 200人 2 2
ind B quantity "新增城镇就业人数" 8200人 8854人 2 2
ind B quality "劳动人事争议仲裁结案率" 90%以上 100% 2 2
ind B quality "人事档案规范整理完成度" 98% 99% 2 2
ind B quality "职称评定通过率" ≤55% 100% 2 2 "通过270人"
ind B quality "回复信访交办案件结案率" 100% 100% 2 2
ind B quality "城镇登记失业率" ≤4.5% ≤3.5% 2 2
ind B timeliness "资金给付及时性" ≤30天内 100% 6 6
ind B cost "总成本控制" 不超过预算投入 1034.36万元 6 6
ind B economic "稳就业、惠民生、帮企业、促发展" 有效促进 有效促进 10 9
ind B social "增加就业岗位，促进社会就业" 有效促进 有效促进 10 9
ind B sustainable "公平、公正处理劳动人事争议案件，构建和谐劳动关系" 有效保障 有效保障 10 9
ind B serviceSatisfaction "服务对象满意率" ≥95% 100% 4 4
ind B serviceSatisfaction "办理案件服务满意率" ≥95% 98% 3 3
ind B serviceSatisfaction "办理档案管理服务满意率" ≥95% 98% 3 3

# 附件3-n 项目支出绩效自评表
project() { # name initial budget actual
  set_ "C[+].name.value=$1" "C[\$].department.value=$DEPT" "C[\$].implementer.value=$DEPT" \
    "C[\$].fiscal.initial=$2" "C[\$].fiscal.budget=$3" "C[\$].fiscal.actual=$4"
  n=$(( ${n:-0} + 1 ))
}
goal() { set_ "C[$n].goal[1].expected=$1" "C[$n].goal[1].achieved=$2"; }

project "业务工作经费" 130 107.96 107.96
goal "1、承担全局劳动合同及各类工本费的印刷服务；
2、负责组织教师职业资格考试工作、承办全区教师职称认定、评审和日常工作；
3、负责全区国企退休人员档案管理工作。" "1、国有企业退休档案社会化管理，完成5500册的国有退休档案数字化工作。
2、增强教师职业发展，稳定和谐关系，防范和化解风险，提高组织效率。"
ind "C[$n]" quantity "人事人才档案管理数" ≥5000份 5500份 5 5
ind "C[$n]" quantity "职称评定数" ≥100人 374人 5 5
ind "C[$n]" quality "人事档案规范整理完成度" 98% 100% 5 5
ind "C[$n]" quality "职称评定通过率" ≤55% 100% 5 5
ind "C[$n]" timeliness "整理工作时日" 12个月 100% 10 10
ind "C[$n]" cost "档案管理成本" ≤57万元 47.96万元 5 5
ind "C[$n]" cost "劳动合同工本费" ≤5万元 5万元 5 5
ind "C[$n]" cost "社保基金监管" ≤35万元 35万元 5 5
ind "C[$n]" cost "教师职称资格评定" ≤20万元 20万元 5 5
ind "C[$n]" social "维持人社局正常业务经办" 正常运转 正常运转 7.5 7.5
ind "C[$n]" social "保障国企退休人员待遇" 规范整理国企退休人员档案 规范整理国企退休人员档案 7.5 7.5
ind "C[$n]" sustainable "增强教师职业发展，稳定和谐关系，防范和化解风险，提高组织效率" 有效提升 有效提升 7.5 7.5
ind "C[$n]" sustainable "提升档案管理效率" 有效提升 有效提升 7.5 7.5
ind "C[$n]" serviceSatisfaction "群众满意度" ≥95% 100% 10 10

project "运行维护经费" 101 101 101
goal "1、运行和维护劳动和社会保障电子政务工程；
2、接待群众诉求、受理综治信访事项、处理矛盾纠纷；
3、支付场地租金、维持人社局正常工作运转及安保工作；
4、维持日常安保工作和清洁卫生工作。" "1、租赁房屋建筑面积4012平方米，用于办公，保证日常工作的正常运行。
2、便捷性、社会稳定，优化人才人事管理；
3、常态化保持社会治安秩序稳定，提高工作水平，应对突发事件。"
ind "C[$n]" quantity "已完成维护面积" 4012平方米 4012平方米 7.5 7.5
ind "C[$n]" quantity "2023年度信访交办件" 55件 55件 7.5 7.5
ind "C[$n]" quality "维护劳动保障信息系统中业务经办、公共服务、基金监管、决策支持等功能合格验收率" 100% 100% 7.5 7.5
ind "C[$n]" quality "回复信访交办事件结案率" 100% 100% 7.5 7.5
ind "C[$n]" timeliness "维护工作期限" 30天内完成 100% 10 10
ind "C[$n]" cost "维护成本" ≤101万元 101万元 10 10
ind "C[$n]" social "常态化保持社会治安秩序稳定" 有效优化 有效优化 15 15
ind "C[$n]" sustainable "提升工作水平，应对突发事件" 有效提升 有效提升 15 15
ind "C[$n]" serviceSatisfaction "群众满意度" ≥95% 100% 5 5
ind "C[$n]" serviceSatisfaction "服务对象满意度" ≥95% 100% 5 5
set_ "C[$n].filler.value=示例填表人" "C[$n].phone.value=000-0000000" "C[$n].date.value=2024.5.3"

project "区级专项资金（春节慰问困难群众资金、其他项目）" 0 207.36 207.36
goal "1、保证工作的正常运转
2、通过走访活动，使困难群众切实感受到党和政府的温暖。" "1、工作的正常运转。
2、走访慰问困难群众，共送温暖送关怀4.52万元。"
ind "C[$n]" quantity "慰问困难人数" 80人 80人 12.5 12.5
ind "C[$n]" quality "对项目经费无挪用，专项专用" 无挪用专项专用 无挪用专项专用 12.5 12.5
# As printed: the 三级指标 column holds "2023年内" and "≤207.36万元"; the rows are shifted one column.
ind "C[$n]" timeliness "2023年内" 100% 100% 12.5 12.5
ind "C[$n]" cost "≤207.36万元" 207.36万元 100% 12.5 12.5
ind "C[$n]" social "促进社会稳定" 有效促进 有效促进 15 15
ind "C[$n]" sustainable "工作人员的工作效率" 提升工作人员的工作效率 100% 15 15
ind "C[$n]" serviceSatisfaction "群众满意度" ≥95% 100% 5 5
ind "C[$n]" serviceSatisfaction "服务对象满意度" ≥95% 100% 5 5

project "区级专项资金（重大公共卫生服务（防疫经费））" 0 62.64 62.64
goal "疫情防控工作" "理顺隔离点工作机制，规范突发情况处置流程，有效控制疫情，确保防控工作有序开展。"
ind "C[$n]" quantity "完成防疫点改造" 三区两通道 三区两通道 12.5 12.5
ind "C[$n]" quality "对经费支出使用效率的控制" 100% 100% 12.5 12.5
ind "C[$n]" timeliness "及时支付某某经费，多少日内支付" 15天 100% 12.5 12.5
ind "C[$n]" cost "预算控制" ≤62.64万元 62.64万元 12.5 12.5
ind "C[$n]" social "为保障社会公众卫生健康安全" 有效保障 有效保障 15 15
ind "C[$n]" sustainable "提升医疗卫生体系建设" 100% 100% 15 15
ind "C[$n]" serviceSatisfaction "群众满意度" ≥95% 100% 5 5
ind "C[$n]" serviceSatisfaction "服务对象满意度" ≥95% 100% 5 5

project "区级专项资金（事业单位公开招聘、四海揽才、卫生系统公开招聘）" 0 92 84.69
goal "1、加强事业单位公开招聘工作，规范事业单位用人程序。
2、通过“四海揽才”进一步优化人才引进程序、拓宽人才引进渠道。
3、公正、公开、公平的用编形式，引进改革发展急需的高素质专业人才。" "面向社会公开招聘全额拨款事业单位45人、四海揽才17人、卫生系统招聘24人，2023年12月31日招聘工作结束。"
ind "C[$n]" quantity "公开招聘事业单位人数" 45人 45人 5 5
ind "C[$n]" quantity "四海揽才人数" 17人 17人 5 5
ind "C[$n]" quantity "卫生系统招聘人数" 24人 24人 5 5
ind "C[$n]" quality "对项目经费无挪用，专项专用" 无挪用专项专用 无挪用专项专用 10 10
ind "C[$n]" timeliness "及时组织招聘工作，多少日内完成招聘工作" 2023年内完成 12月31日前完成 10 10
ind "C[$n]" cost "预算控制" ≤48.24万元 48.24万元 5 5
ind "C[$n]" cost "预算控制" ≤12万元 11.04万 5 5
ind "C[$n]" cost "预算控制" ≤30万元 25.41万元 5 5
ind "C[$n]" social "促进就业公平等" 有效促进 有效促进 15 15
ind "C[$n]" sustainable "落实完善人才招聘机制" 全面落实 全面落实 15 15
ind "C[$n]" serviceSatisfaction "群众满意度" ≥95% 100% 5 5
ind "C[$n]" serviceSatisfaction "服务对象满意度" ≥95% 100% 5 5

project "区级专项资金（编外用工人员经费）" 90 90 90
goal "人力资源的流动" "临聘人员19人共用经费90万元，有效利于二级机构的工作运转。"
ind "C[$n]" quantity "发放工资人数" 19人 19人 12.5 12.5
ind "C[$n]" quality "对项目经费无挪用，专项专用" 无挪用，专项专用 无挪用，专项专用 12.5 12.5
ind "C[$n]" timeliness "工资及时发放期限" 60天内 60天内 12.5 12.5
ind "C[$n]" cost "预算控制" ≤90万元 90万元 12.5 12.5
ind "C[$n]" social "促进就业公平" 有效促进 有效促进 15 15
ind "C[$n]" sustainable "落实完善人才招聘机制" 全面落实 全面落实 15 15
ind "C[$n]" serviceSatisfaction "群众满意度" ≥95% 100% 5 5
ind "C[$n]" serviceSatisfaction "服务对象满意度" ≥95% 100% 5 5

project "市级专项资金（人力发展专项资金）" 0 20 20
goal "举办创新创业人才（团队）评选复赛活动" "下拔就业中心创新创业大赛活动资金，2023年内完成活动，促进大学生创业项目落地。"
ind "C[$n]" quantity "评选项目数" 10个 10个 12.5 12.5
ind "C[$n]" quality "对项目经费无挪用，专项专用" 无挪用专项专用 无挪用专项专用 12.5 12.5
ind "C[$n]" timeliness "2023年内" 100% 100% 12.5 12.5
ind "C[$n]" cost "≤20万元" 20万元 100% 12.5 12.5
ind "C[$n]" social "促进社会稳定" 有效促进 有效促进 15 15
ind "C[$n]" sustainable "工作人员的工作效率" 提升工作人员的工作效率 100% 15 15
ind "C[$n]" serviceSatisfaction "群众满意度" ≥95% 100% 5 5
ind "C[$n]" serviceSatisfaction "服务对象满意度" ≥95% 100% 5 5

rm -f "$out.bak"
echo "$out"
