import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

extension App {
    static func overlayKey(_ s: inout AppState, _ key: Key) -> [Effect] {
        switch s.overlay {
        case .none, .tooSmall: return []
        case let .outline(selected):
            let all = allInstances(s)
            var sel = selected
            switch key {
            case .escape, .ctrl("l"), .tab: s.overlay = .none; return []
            case .up: sel -= 1
            case .down: sel += 1
            case .pageUp: sel -= tableHeight(s)
            case .pageDown: sel += tableHeight(s)
            case .home: sel = 0
            case .end: sel = all.count - 1
            case .enter:
                s.overlay = .none
                if let target = all[safe: selected] {
                    focusInstance(&s, form: target.form, index: target.index)
                    keepFocusVisible(&s)
                }
                return []
            default: return []
            }
            sel = min(max(sel, 0), max(all.count - 1, 0))
            s.overlay = .outline(selected: sel)
            let h = tableHeight(s)
            if sel < s.outlineScroll { s.outlineScroll = sel }
            if sel >= s.outlineScroll + h { s.outlineScroll = sel - h + 1 }
            return []
        case let .help(scroll):
            let last = max(0, HelpView.lines(width: s.size.cols - 2).count - HelpView.visibleRows(s.size.rows))
            switch key {
            case .escape, .enter, .f(1), .ctrl("g"), .char("q"): s.overlay = .none
            case .up: s.overlay = .help(scroll: max(0, scroll - 1))
            case .down: s.overlay = .help(scroll: min(last, scroll + 1))
            case .pageUp: s.overlay = .help(scroll: max(0, scroll - HelpView.visibleRows(s.size.rows)))
            case .pageDown, .char(" "): s.overlay = .help(scroll: min(last, scroll + HelpView.visibleRows(s.size.rows)))
            case .home: s.overlay = .help(scroll: 0)
            case .end: s.overlay = .help(scroll: last)
            default: break
            }
            return []
        case let .problems(selected):
            let all = s.panel.problems
            switch key {
            case .escape, .f(3), .ctrl("e"), .char("q"): s.overlay = .none
            case .char("e"), .char("E"), .char("f"), .char("F"):
                // Filters: E errors only, F the form on screen only; the list is built again.
                if key == .char("e") || key == .char("E") { s.problemFilter.errorsOnly.toggle() } else { s.problemFilter.thisFormOnly.toggle() }
                s.panel.version = -1
                s.overlay = .problems(selected: 0)
            case .up: s.overlay = .problems(selected: max(0, selected - 1))
            case .down: s.overlay = .problems(selected: min(max(0, all.count - 1), selected + 1))
            case .pageUp: s.overlay = .problems(selected: max(0, selected - tableHeight(s)))
            case .pageDown: s.overlay = .problems(selected: min(max(0, all.count - 1), selected + tableHeight(s)))
            case .home: s.overlay = .problems(selected: 0)
            case .end: s.overlay = .problems(selected: max(0, all.count - 1))
            case .enter:
                s.overlay = .none
                if let a = all[safe: selected]?.address {
                    s.focus = validFocus(s, a)
                    keepFocusVisible(&s)
                } else if let section = all[safe: selected]?.reportSection, ReportPage.exists(s.template) {
                    s.focus = validFocus(s, ReportPage.address(section))
                    revealSection(&s, reportLayout(s))
                    keepFocusVisible(&s)
                }
            default: break
            }
            return []
        case let .score(scroll):
            switch key {
            case .escape, .f(4), .ctrl("t"), .char("q"): s.overlay = .none
            case .up: s.overlay = .score(scroll: max(0, scroll - 1))
            case .down: s.overlay = .score(scroll: scroll + 1)
            case .pageUp: s.overlay = .score(scroll: max(0, scroll - tableHeight(s)))
            case .pageDown: s.overlay = .score(scroll: scroll + tableHeight(s))
            case .home: s.overlay = .score(scroll: 0)
            case .char("p"), .char("P"): s.overlay = .printPreview(scroll: 0)
            default: break
            }
            return []
        case let .printPreview(scroll):
            switch key {
            case .escape, .char("q"): s.overlay = .score(scroll: 0)
            case .up: s.overlay = .printPreview(scroll: max(0, scroll - 1))
            case .down: s.overlay = .printPreview(scroll: scroll + 1)
            case .pageUp: s.overlay = .printPreview(scroll: max(0, scroll - tableHeight(s)))
            case .pageDown: s.overlay = .printPreview(scroll: scroll + tableHeight(s))
            case .home: s.overlay = .printPreview(scroll: 0)
            case .char("1"): return [.print(.text)]
            case .char("2"): return [.print(.html)]
            case .char("3"): return [.print(.csv)]
            case .char("4"): return [.print(.xlsx)]
            case .char("5"): return [.print(.docx)]
            default: break
            }
            return []
        case let .confirm(what):
            switch key {
            case .char("y"), .char("Y"), .char("是"):
                s.overlay = .none
                switch what {
                case let .removeRow(a): removeRow(&s, a)
                case let .removeProject(form, index): removeProject(&s, form: form, index: index)
                case .quitUnsaved: return [.save, .quit]
                }
            case .char("n"), .char("N"), .char("否"):
                s.overlay = .none
                if what == .quitUnsaved { s.quitRequested = true; return [.quit] }
            case .escape, .char("c"), .char("C"): s.overlay = .none
            default: break
            }
            return []
        case var .prompt(p):
            switch key {
            case .escape: s.overlay = .none
            case .enter:
                let name = p.editor.text.trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { s.say(UIText.App.nameRequired, error: true); return [] }
                s.overlay = .none
                switch p.purpose {
                case let .newProject(form): addProject(&s, form: form, name: name)
                case .renameProject: break
                }
            default:
                _ = p.editor.handle(key, width: 40)
                s.overlay = .prompt(p)
            }
            return []
        }
    }
}
