/// A cross-form check that `LiveChecks` keeps by what it reads, so that an edit of one instance costs
/// what that instance changed rather than a pass over every project. Each gives exactly the problems
/// of the whole pass (`IncrementalEvaluationTests`, `IndicatorIndexTests`, `KeptChecksTests`).
enum KeptCheck: Sendable {
    case sameIndicators(SameIndicatorsIndex)
    case sums(SumsIndex)
    case dates(DatesIndex)

    /// Nil for a check that is run whole on each change of a form it reads.
    init?(_ ev: Evaluation, spec: CheckSpec) {
        if let index = SameIndicatorsIndex(ev, spec: spec) {
            self = .sameIndicators(index)
        } else if let index = SumsIndex(ev, spec: spec) {
            self = .sums(index)
        } else if let index = DatesIndex(ev, spec: spec) {
            self = .dates(index)
        } else {
            return nil
        }
    }

    var problems: [Problem] {
        switch self {
        case let .sameIndicators(i): i.problems
        case let .sums(i): i.problems
        case let .dates(i): i.problems
        }
    }

    func reads(_ form: String) -> Bool {
        switch self {
        case let .sameIndicators(i): i.reads(form)
        case let .sums(i): i.reads(form)
        case let .dates(i): i.reads(form)
        }
    }

    mutating func update(_ ev: Evaluation, form: String, index: Int) {
        switch self {
        case var .sameIndicators(i): i.update(ev, form: form, index: index); self = .sameIndicators(i)
        case var .sums(i): i.update(ev, form: form, index: index); self = .sums(i)
        case var .dates(i): i.update(ev, form: form, index: index); self = .dates(i)
        }
    }
}
