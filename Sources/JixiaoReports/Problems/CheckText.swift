import Foundation
import JixiaoKit

/// Every sentence the checks say, in one place so the wording can be reviewed together. The checks
/// find (`Finding`); `ProblemText` words what they found with these.
public enum CheckText {
    public static func show(_ v: Value, kind: CellKind) -> String {
        switch v {
        case .empty: return "空"
        case .undefined: return "—"
        case let .text(s), let .invalid(s): return "「\(s)」"
        case let .number(d):
            switch kind {
            case .percent: return NumberFormat.percent(d)
            case .count: return NumberFormat.count(d)
            default: return NumberFormat.money(d)
            }
        }
    }

    public static func notEqual(label: String, found: String, expected: String, difference: String) -> String {
        "\(label)：应为 \(expected)，现为 \(found)（相差 \(difference)）。请核对这几项数字。"
    }

    /// Two texts that should read the same (a 评价等次 against the grade of the total).
    public static func textDiffers(label: String, found: String, expected: String) -> String {
        "\(label)：应为「\(expected)」，现为「\(found)」。"
    }

    /// A check's `detail`: the figures its sides are made of.
    public static func detail(_ text: String) -> String { "其中：\(text)。" }

    public static func tooSmall(label: String, found: String, bound: String) -> String {
        "\(label)：应不小于 \(bound)，现为 \(found)。"
    }

    public static func tooLarge(label: String, found: String, bound: String) -> String {
        "\(label)：应不大于 \(bound)，现为 \(found)。"
    }

    /// A cell `jixiao next` copied from last year's draft, not yet looked at.
    public static let carried = "沿用上年，请核对：此格取自上年草稿，核对或修改后此提示消失。"

    public static func required(_ what: String) -> String { what.isEmpty ? "必填项未填写。" : "必填：请填写「\(what)」。" }

    public static func requiredRow(_ what: [String]) -> String { "必填：这一行还有 \(what.count) 格未填写：" + what.map { "「\($0)」" }.joined() + "。" }

    public static func notBegun(_ n: Int) -> String { "本表尚未开始填写（\(n) 处必填）。开始填写后，这里会逐项列出。" }

    public static func notANumber(_ input: String, kind: CellKind) -> String {
        "「\(input)」不是数字。\(NumberText.hint(kind))"
    }

    /// A cross-form total over projects (附件3) that are not all entered yet.
    public static func setIncomplete(label: String, form: String, noun: String, entered: Int, total: Int) -> String {
        "\(label)：\(form)已填 \(entered)/\(total) 个\(noun)，暂不核对。填完全部\(noun)（或删去多余的）后再核对此项。"
    }

    public static func negative(_ shown: String) -> String {
        "\(shown) 是负数，这一格不应为负。请核对是否多输了负号。"
    }

    public static func tooManyDecimals(_ input: String, shown: String) -> String {
        "\(input) 超过两位小数：金额以万元计、保留两位，表上显示为 \(shown)。请核对并按两位小数填写。"
    }

    /// A computed cell (or a check's side) whose arithmetic reached `Limits.computedMagnitude`.
    public static func beyondRange(label: String? = nil) -> String {
        (label.map { "\($0)：" } ?? "") + "计算结果超出可计算的范围（绝对值须小于 10 的 38 次方），按“—”处理。请核对参与计算的数字是否多输了位数或用错了单位。"
    }

    public static func weightGroup(group: String, sum: String, expected: String) -> String {
        "\(group)下各三级指标分值合计 \(sum)，应为 \(expected)。请调整分值。"
    }

    public static func placeholder(pattern: String, text: String) -> String {
        "疑似模板示例文字未改：「\(text)」含「\(pattern)」。请改为实际内容。"
    }

    public static func shiftedRow(_ name: String) -> String {
        "三级指标「\(name)」像是一个指标值：这一行可能整体错了一列（指标名称缺失，指标值、实际值依次左移）。请核对。"
    }

    /// A figure under 1.5% among whole percents: probably a ratio typed into a column of percent points.
    public static func percentPoints(found: String, meant: String, neighbour: String) -> String {
        "\(found) 远小于同栏的其他比率（如 \(neighbour)）：百分比格子中不带 % 的数字按百分点读取。若是 \(meant)，请改填 \(meant.replacingOccurrences(of: "%", with: "")) 或 \(meant)。"
    }

    public static func dateInEvaluatedYear(_ date: String, year: Int) -> String {
        "日期 \(date) 早于评价年度 \(year) 年末：自评在年度结束后填报。请核对日期。"
    }

    public static func dateAfterDeadline(_ date: String, deadline: String) -> String {
        "日期 \(date) 晚于规定的报送期限 \(deadline)。请核对日期。"
    }

    /// A date that differs from the submission's first 填报日期.
    public static func datesDiffer(_ date: String, other: String, where place: String) -> String {
        "填报日期 \(date) 与「\(place)」的 \(other) 不一致：同一套报表应为同一个填报日期。"
    }

    /// At the first date: the others that differ from it.
    public static func datesDifferHere(_ date: String, others: [String]) -> String {
        "填报日期 \(date) 与以下日期不一致：\(others.joined(separator: "；"))。同一套报表应为同一个填报日期。"
    }

    /// The same indicator on two forms with different values.
    public static func indicatorDiffers(name: String, what: String, here: String, there: String, other: String) -> String {
        "\(what)「\(here)」与\(other)同名指标「\(name)」的「\(there)」不同：同一指标在两张表中应一致。请核对。"
    }

    /// A text whose parts add up to more than the total it states.
    public static func statedSum(sentence: String, total: String, parts: [String], sum: String, unit: String) -> String {
        "文字「\(sentence)」中各分项 \(parts.joined(separator: " + ")) = \(sum)\(unit)，多于所称总数 \(total)\(unit)。请核对文字中的数字。"
    }

    /// A rate a text states beside the two figures it comes from, when they give another.
    public static func statedRate(_ r: StatedRate) -> String {
        "文字「\(r.sentence.prefix(60))」所称\(r.quote)，与文中 \(r.figures.joined(separator: "、")) 算得的 \(NumberFormat.percent(r.computed)) 不符。请核对文字中的比率或数字。"
    }

    /// A rate a text states that the form's own cells give otherwise.
    public static func rateDiffersFromForm(sentence: String, quote: String, label: String, computed: String) -> String {
        "文字「\(sentence.prefix(60))」所称\(quote)，与\(label) \(computed) 不符。请核对文字中的比率或表中数字。"
    }

    /// 2024年5月30日.
    public static func date(_ d: FormDate) -> String { "\(d.year)年\(d.month)月\(d.day)日" }

    /// 「报告写"在编人员36人"，附件1 编制数为 15」.
    public static func figureDiffers(quote: String, label: String, value: String) -> String {
        "报告写“\(quote)”，\(label)为 \(value)。请核对报告或表中的数字。"
    }

    public static func wrongYear(found: Int, allowed: [Int]) -> String {
        "年份 \(found) 与评价年度不符（应为 \(allowed.map(String.init).joined(separator: " 或 "))）。"
    }
}
