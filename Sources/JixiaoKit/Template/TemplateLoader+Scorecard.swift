extension TemplateLoader {
    /// `"scorecard": {"execution": {"row": "total", "budget": "budget", "actual": "actual", "rate": "rate",
    /// "weight": "weight", "score": "score"}, "total": "grandTotal.score", "grade": "grandTotal.grade",
    /// "rubric": {"section": "rubric", "weight": "weight", "figure": "figure", "rule": "rule", "points": "points"}}`
    static func readScorecard(_ node: TemplateNode?, _ form: FormSpec) throws(TemplateError) -> ScorecardSpec? {
        guard let node else { return nil }
        func cell(_ key: String) throws(TemplateError) -> CellRef? {
            guard let text = try node.optionalString(key) else { return nil }
            guard let ref = CellRef.parse(text), form.row(ref.row)?.columnIDs.contains(ref.column) == true else {
                throw node.fail(.unknownCell(text), at: key)
            }
            return ref
        }
        var row: String?
        var cols: [String: String] = [:]
        if let ex = node.child("execution") {
            let r = try ex.string("row")
            guard let spec = form.row(r) else { throw ex.fail(.unknownCell(r), at: "row") }
            row = r
            for k in ["budget", "actual", "rate", "weight", "score"] {
                if let c = try ex.optionalString(k) {
                    guard spec.columnIDs.contains(c) else { throw ex.fail(.unknownCell("\(r).\(c)"), at: k) }
                    cols[k] = c
                }
            }
        }
        var rubric: RubricSpec?
        if let rb = node.child("rubric") {
            let sid = try rb.string("section")
            guard let section = form.section(sid) else { throw rb.fail(.unknownCell(sid), at: "section") }
            func col(_ k: String) throws(TemplateError) -> String {
                let c = try rb.string(k)
                guard section.column(c) != nil else { throw rb.fail(.unknownCell("\(sid).\(c)"), at: k) }
                return c
            }
            rubric = RubricSpec(section: sid, weight: try col("weight"), figure: try col("figure"), rule: try col("rule"), points: try col("points"))
        }
        let signature = try node.optionalString("signature")
        if let signature, form.section(signature) == nil { throw node.fail(.unknownCell(signature), at: "signature") }
        return ScorecardSpec(executionRow: row, budget: cols["budget"], actual: cols["actual"], rate: cols["rate"],
                             weight: cols["weight"], score: cols["score"], total: try cell("total"), grade: try cell("grade"),
                             signatureSection: signature, rubric: rubric)
    }
}
