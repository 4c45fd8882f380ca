#!/usr/bin/env bash
# Builds henan-dept-2022.json: seed 003 (信阳市平桥区人力资源和社会保障局, 2022) — its 附件1 部门整体绩效自评表
# and the figures its report prints in 表3-1 (得分情况) and 表4-1 (决算表) — entered the way an accountant
# would, through `jixiao set`. Figures and texts are as printed in 附件1, mistakes included; the spaces the
# PDF conversion put around digits ("2020 年") are left out. 附件1 names no person.
# Usage: examples/henan-dept-2022.sh [path-to-jixiao]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
J=${1:-"$here/../.build/debug/jixiao"}
out="$here/henan-dept-2022.json"
rm -f "$out" "$out.bak"
"$J" new "$out" --template henan-dept --year 2022 --unit "信阳市平桥区人力资源和社会保障局" >/dev/null
set_() { "$J" set "$out" "$@" >/dev/null; }

# 封面日期 and 预算执行情况 (附件1 prints 1633.2 everywhere; the report's text and 表4-1 say 1913.2).
set_ A.reportDate.value=2024年5月 \
  A.total.initial=1633.2 A.total.budget=1633.2 A.total.actual=1633.2 \
  A.fiscal.initial=1633.2 A.fiscal.budget=1633.2 A.fiscal.actual=1633.2

# 年度履职目标 and 年度主要任务 (the template starts each list with one empty row).
set_ 'A.goal[1].name=目标1' 'A.goal[$].content=高站位稳就业促发展。围绕企业用工需求精准发力，打好服务企业用工“组合拳”，有效缓解招工难问题。' \
  'A.goal[$].completion=组织224场招聘活动，其中线下153场，线上71场，发放宣传材料6万余份，组织送工专车432车次，先后帮助7282人达成就业意向'
set_ 'A.goal[+].name=目标2' 'A.goal[$].content=高水平引人才增技能。坚持“应培尽培、全员覆盖”，多渠道培养社会紧缺、企业急需的技能人才。' \
  'A.goal[$].completion=积极开展2020年专业技术人员继续教育公需科目培训工作公需科目的学习总人数为8040人，专业科目的学习总人数为6806人。'
set_ 'A.goal[+].name=目标3' 'A.goal[$].content=高质量抓社保惠民生。深化“全民参保登记计划”，分类施策开展扩面工作，努力扩大参保覆盖面。' \
  'A.goal[$].completion=实施“全民参保登记计划”，社会保险覆盖面和普及面进一步扩大。截至2020年底，我区企业职工养老保险、城乡居民养老保险、工伤保险和失业保险参保人数分别达到6.4万人、38.8万人、4.8万人和4.4万人。'
set_ 'A.goal[+].name=目标4' 'A.goal[$].content=努力实现人事管理规范化、常态化。夯实“阳光考录”品牌，有序开展各类招考招聘工作。' \
  'A.goal[$].completion=规范公开招聘92名政府购买服务人员充实到区急难险重工作岗位，其中：大数据局4人，政府购买教师51人，一村一警21人，综治中心6人，巡防队员10人。'
set_ 'A.goal[+].name=目标5' 'A.goal[$].content=高效率治欠薪保稳定。始终保持欠薪治理高压态势，端口前移，多方联动，加快网络仲裁庭、网络调解室建设，提升仲裁办案效能。' \
  'A.goal[$].completion=办理上级交办拖欠农民工工资案件和信访交办案件18件，为75名劳动者追回拖欠工资39.684万元，做到了举报投诉、上级交办案件、领导批示案件和日常检查案件四个结案率100%。'
set_ 'A.task[1].name=任务1' 'A.task[$].content=深化完善就业创业政策。聚焦重点人群实施更加积极的就业政策，千方百计稳定和扩大就业，打造就业新增长点。' \
  'A.task[$].completion=我区城镇新增就业16911人，失业人员再就业7427人，困难人员再就业2432人，均超额完成年度目标任务。'
set_ 'A.task[+].name=任务2' 'A.task[$].content=加大高层次人才引进力度。升级优化人才政策，搭建引才引智平台，畅通人才招引对接渠道。不断优化“关键小事”协调解决机制，鼓励各类人才来我区就业。' \
  'A.task[$].completion=组织224场招聘活动，其中线下153场，线上71场，组织专车432车次，先后帮助7282人达成就业意向。累计举办大学生、残疾人专场招聘50余场，服务企业780家，为舜宇光学、鼎润科技、联强实业等重点企业招工送工4284人。'
set_ 'A.task[+].name=任务3' 'A.task[$].content=提高社会保险覆盖面。加强应保未保人员的动态分析和管理，深入推进精准扩面，基本实现应保尽保。' \
  'A.task[$].completion=加强养老保险(障)待遇享受人员社会化管理服务，进一步规范被征地农民参加社会保障。社保基金实现“五险合一”统一征缴，基金安全监管持续加强，违规领取待遇现象得到有效遏制。'
set_ 'A.task[+].name=任务4' 'A.task[$].content=规范提升人事考试品质。强化考务人员队伍建设和各类考试组织管理，确保各类各项考试平稳有序、安全顺利。' \
  'A.task[$].completion=公开招聘了155名事业单位工作人员，其中教师155人。'
set_ 'A.task[+].name=任务5' 'A.task[$].content=加强劳动保障监察执法能力建设。深化“无欠薪”创建成果，健全完善以欠薪治理为重点的权益维护体系，落实各项保障工资支付制度，依法维护劳动者合法权益。' \
  'A.task[$].completion=积极处理“全国根治欠薪线索反映平台”案件202件，已办结184件，正在办理22件；共办结举报投诉案件36件，其中立案5件，协调处理31件；'

# 投入管理指标: the province's fixed rows (指标值, 实际完成值, 分值, 得分 as printed in 附件1).
fixed() { set_ "A.$1.target=$2" "A.$1.actual=$3" "A.$1.weight=$4" "A.$1.score=$5"; }
fixed relevance '相关' '相关' 2 2
fixed scientific '科学' '科学' 2 2
fixed rationality '合理' '一般合理' 2 2
fixed completeness '完整' '完整' 2 2
fixed specialRate '100%' '100%' 2 2
fixed execRate '100%' '(100%)' 2 2
fixed adjustRate '≤10%' '(0.1%)' 2 2
fixed carryRate '≤20%' '100%' 1 1
fixed sangongRate '≤100%' '100%' 1 1
fixed procurementRate '100%' '100%' 1 1
fixed finalTruth '真实' '真实' 1 1
fixed compliance '合规' '合规' 2 2
fixed system '健全' '健全' 1 1
fixed disclosure '公开' '公开' 1 1
fixed assets '规范' '规范' 1 1
fixed monitorRate '100%' '100%' 2 2
fixed selfEvalRate '100%' '100%' 2 2
fixed deptEvalRate '100%' '100%' 2 2
fixed applyRate '100%' '100%' 1 1

# 产出 and 效益 indicators: one row per indicator.
declare -A used
ind() { # GROUP name target actual weight score
  local idx=+
  if [ -z "${used[$1]:-}" ]; then idx=1; fi
  used[$1]=1
  set_ "A.$1[$idx].name=$2" "A.$1[\$].target=$3" "A.$1[\$].actual=$4" "A.$1[\$].weight=$5" "A.$1[\$].score=$6"
}
ind keyTasks 重点工作1计划完成率 100% 100% 3 3
ind keyTasks 重点工作2计划完成率 100% 100% 2 2
ind keyTasks 重点工作3计划完成率 100% 100% 3 3
ind keyTasks 重点工作4计划完成率 100% 100% 2 2
ind keyTasks 重点工作5计划完成率 100% 100% 2 2
ind goalsMet 年度工作目标1实现率 100% 100% 3 3
ind goalsMet 年度工作目标2实现率 100% 100% 3 3
ind goalsMet 年度工作目标3实现率 100% 100% 3 3
ind goalsMet 年度工作目标4实现率 100% 100% 2 2
ind goalsMet 年度工作目标5实现率 100% 100% 2 2
ind social 提高人民群众生活质量 提高 提高 10 8
ind sustainable 长效管理制度 健全 健全 10 9
ind satisfaction 群众满意度 '≥90%' 98.95% 15 14

# 表4-1 部门资金情况分析表（决算表）, as printed.
set_ A.incomeTotal.value=1913.2 A.expenseTotal.value=1913.2 A.basic.value=1633.25 \
  A.personnel.value=1516.4 A.publicCost.value=116.85 A.project.value=280

# 表3-1 部门整体得分情况 and the conclusion ("整体自评得分为 97 分，评价等级为“优”"), as printed.
set_ A.sumExec.reported=10 A.sumInput.reported=30 A.sumOutput.reported=25 A.sumBenefit.reported=32 \
  A.sumTotal.reported=97 A.sumTotal.reportedGrade=优

rm -f "$out.bak"
echo "$out"
