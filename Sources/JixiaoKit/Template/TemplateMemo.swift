import Foundation

/// The templates compiled in this process, by file and by content. A template file is read every time it
/// is asked for, so an edited file is seen at once, and compiled again only when its bytes changed:
/// comparing 50 KB costs microseconds, compiling them about a millisecond in a release build and ten in a
/// debug build. A new draft made from the start screen compiled the default template four times (the
/// screen's title, its list of templates, the draft written, the draft opened), and the draft fuzz test
/// once for each of its 10,000 drafts.
final class TemplateMemo: @unchecked Sendable {
    static let shared = TemplateMemo()

    private let lock = NSLock()
    private var entries: [String: (bytes: [UInt8], template: Template)] = [:]

    /// The template of `file` whose content is `bytes`: the one compiled before from the same bytes, or
    /// `compile()`'s, kept for next time. A failed compilation is not kept.
    func template(file: String, bytes: [UInt8], compile: () throws(TemplateError) -> Template) throws(TemplateError) -> Template {
        lock.lock()
        let known = entries[file]
        lock.unlock()
        if let known, known.bytes == bytes { return known.template }
        let template = try compile()
        lock.lock()
        entries[file] = (bytes, template)
        lock.unlock()
        return template
    }
}
